package dev.flotilla.config.flag;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements over {@code flag_revisions}, each scoped to a tenant. Revisions never change once written. */
final class FlagRevisionSql {

    /** A stored revision; {@code before} and {@code after} are the definition's JSON (null: absent). */
    record StoredRevision(long number, String kind, String author, String message, Long rolledBackTo, String before,
            String after, Instant createdAt) {
    }

    /** A change to record: what made it, who, why, the revision a rollback restored, the definition before and after. */
    record Recorded(String kind, String author, String message, Long rolledBackTo, String before, String after) {
    }

    private static final String COLUMNS = """
            number, kind, author, message, rolled_back_to, before::text as before, after::text as after, created_at""";

    /**
     * The flag's next number: its writers hold the environment's flag_sets row (FlagSql.nextSetVersion), so no two
     * take the same one and none is skipped.
     */
    private static final String INSERT = """
            insert into config.flag_revisions (tenant_id, environment, key, number, kind, author, message, rolled_back_to,
                                               before, after, created_at)
            select $1, $2, $3, coalesce(max(number), 0) + 1, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, now()
              from config.flag_revisions
             where tenant_id = $1 and environment = $2 and key = $3
            returning number""";

    private static final String PAGE = "select " + COLUMNS + " " + """
            from config.flag_revisions
            where tenant_id = $1 and environment = $2 and key = $3 and number < $4
            order by number desc
            limit $5""";

    private static final String FIND = "select " + COLUMNS
            + " from config.flag_revisions where tenant_id = $1 and environment = $2 and key = $3 and number = $4";

    private FlagRevisionSql() {
    }

    /** Records a change of the flag; its number. */
    static Uni<Long> insert(SqlClient client, UUID tenant, String environment, String key, Recorded change) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(tenant, environment, key, change.kind(), change.author(), change.message(),
                        change.rolledBackTo(), change.before(), change.after())))
                .map(rows -> rows.iterator().next().getLong("number"));
    }

    /** Up to {@code limit} revisions of the flag below {@code before}, newest first. */
    static Uni<List<StoredRevision>> page(SqlClient client, UUID tenant, String environment, String key, long before,
            int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.from(Arrays.asList(tenant, environment, key, before, limit)))
                .map(rows -> {
                    List<StoredRevision> revisions = new ArrayList<>(rows.size());
                    rows.forEach(row -> revisions.add(stored(row)));
                    return revisions;
                });
    }

    static Uni<StoredRevision> find(SqlClient client, UUID tenant, String environment, String key, long number) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, environment, key, number))
                .map(rows -> SqlResults.firstRow(rows, FlagRevisionSql::stored));
    }

    private static StoredRevision stored(Row row) {
        return new StoredRevision(row.getLong("number"), row.getString("kind"), row.getString("author"),
                row.getString("message"), row.getLong("rolled_back_to"), row.getString("before"), row.getString("after"),
                Db.instant(row, "created_at"));
    }
}
