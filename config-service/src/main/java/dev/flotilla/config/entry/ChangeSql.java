package dev.flotilla.config.entry;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements that record a revision and its changes, in the transaction that makes them. */
final class ChangeSql {

    private static final String INSERT_REVISION = """
            insert into config.revisions (tenant_id, namespace_id, number, kind, author, message, rolled_back_to, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    private static final String INSERT_CHANGE = """
            insert into config.revision_changes (tenant_id, namespace_id, number, key, env, action, before, after)
            values ($1, $2, $3, $4, $5, $6, $7::text::json, $8::text::json)""";

    /** A revision to record: its number, what made it, who, why, the revision a rollback restored, and when. */
    record Header(long number, String kind, String author, String message, Long rolledBackTo, Instant at) {
    }

    /** One change to record: the entry's stored state before and after (null: absent). */
    record Recorded(String key, String env, String action, StoredState before, StoredState after) {
    }

    private ChangeSql() {
    }

    static Uni<Void> insert(SqlClient client, UUID tenant, UUID namespace, Header revision, List<Recorded> changes) {
        List<Tuple> rows = changes.stream()
                .map(change -> Tuple.from(Arrays.asList(tenant, namespace, revision.number(), change.key(), change.env(),
                        change.action(), change.before() == null ? null : change.before().toJson(),
                        change.after() == null ? null : change.after().toJson())))
                .toList();
        return client.preparedQuery(INSERT_REVISION)
                .execute(Tuple.from(Arrays.asList(tenant, namespace, revision.number(), revision.kind(), revision.author(),
                        revision.message(), revision.rolledBackTo(), Db.ts(revision.at()))))
                .chain(() -> client.preparedQuery(INSERT_CHANGE).executeBatch(rows)).replaceWithVoid();
    }
}
