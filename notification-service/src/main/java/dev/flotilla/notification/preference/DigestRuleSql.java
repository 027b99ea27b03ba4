package dev.flotilla.notification.preference;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The statements over {@code digest_rules}, each scoped to a tenant. */
final class DigestRuleSql {

    private static final String COLUMNS = "id, pattern, window_seconds, created_by, created_at";

    private static final String INSERT = """
            insert into notification.digest_rules (id, tenant_id, pattern, window_seconds, created_by, created_at)
            values ($1, $2, $3, $4, $5, now())
            returning %s""".formatted(COLUMNS);

    private static final String PAGE = """
            select %s from notification.digest_rules
             where tenant_id = $1 and id > $2
             order by id
             limit $3""".formatted(COLUMNS);

    private static final String FIND = "select " + COLUMNS + " from notification.digest_rules where tenant_id = $1 and id = $2";

    private static final String DELETE = "delete from notification.digest_rules where tenant_id = $1 and id = $2";

    private static final String WINDOWS = """
            select pattern, window_seconds from notification.digest_rules where tenant_id = $1 and pattern = any($2)""";

    private static final String RULES = """
            select id, pattern, window_seconds from notification.digest_rules where tenant_id = $1 and pattern = any($2)""";

    /** A rule's id and window length. */
    record Window(UUID id, Duration length) {
    }

    /** Below every UUIDv7: where the first page starts. */
    private static final UUID FIRST = new UUID(0, 0);

    private DigestRuleSql() {
    }

    static Uni<DigestRule> insert(SqlClient client, UUID id, UUID tenant, String pattern, Duration window, String createdBy) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.of(id, tenant, pattern, (int) window.getSeconds(), createdBy))
                .map(rows -> rule(rows.iterator().next()));
    }

    /** Up to {@code limit} rules after {@code after} (or from the first), in id order. */
    static Uni<List<DigestRule>> page(SqlClient client, UUID tenant, UUID after, int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.of(tenant, after == null ? FIRST : after, limit))
                .map(rows -> {
                    List<DigestRule> rules = new ArrayList<>(rows.size());
                    rows.forEach(row -> rules.add(rule(row)));
                    return rules;
                });
    }

    static Uni<DigestRule> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id))
                .map(rows -> SqlResults.firstRow(rows, DigestRuleSql::rule));
    }

    static Uni<Boolean> delete(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount() == 1);
    }

    /** The windows of the tenant's rules whose patterns are among {@code patterns}: pattern → window. */
    static Uni<Map<String, Duration>> windows(SqlClient client, UUID tenant, String[] patterns) {
        return client.preparedQuery(WINDOWS).execute(Tuple.of(tenant, patterns)).map(rows -> {
            Map<String, Duration> windows = new HashMap<>();
            rows.forEach(row -> windows.put(row.getString("pattern"), Duration.ofSeconds(row.getInteger("window_seconds"))));
            return windows;
        });
    }

    /** The tenant's rules whose patterns are among {@code patterns}: pattern → id and window. */
    static Uni<Map<String, Window>> rules(SqlClient client, UUID tenant, String[] patterns) {
        return client.preparedQuery(RULES).execute(Tuple.of(tenant, patterns)).map(rows -> {
            Map<String, Window> rules = new HashMap<>();
            rows.forEach(row -> rules.put(row.getString("pattern"),
                    new Window(row.getUUID("id"), Duration.ofSeconds(row.getInteger("window_seconds")))));
            return rules;
        });
    }

    private static DigestRule rule(Row row) {
        return new DigestRule(row.getUUID("id"), row.getString("pattern"),
                Duration.ofSeconds(row.getInteger("window_seconds")).toString(), row.getString("created_by"),
                Db.instant(row, "created_at"));
    }
}
