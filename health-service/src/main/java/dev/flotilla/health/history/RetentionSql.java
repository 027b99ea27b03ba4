package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;

/**
 * The retention job's deletes, across tenants: each removes at most a batch of a table's rows older than a cutoff, in
 * one short statement. Rows another replica is deleting are skipped, so replicas share the work.
 */
final class RetentionSql {

    private static final String RESULTS = """
            delete from health.results r
             using (select tenant_id, target_id, at, id from health.results where at < $1 limit $2 for update skip locked) old
             where r.tenant_id = old.tenant_id and r.target_id = old.target_id and r.at = old.at and r.id = old.id""";

    private static final String ROLLUPS = """
            delete from %1$s r
             using (select tenant_id, target_id, bucket from %1$s where bucket < $1 limit $2 for update skip locked) old
             where r.tenant_id = old.tenant_id and r.target_id = old.target_id and r.bucket = old.bucket""";

    private RetentionSql() {
    }

    /** Deletes up to {@code limit} results that began before {@code cutoff}; answers how many. */
    static Uni<Integer> results(SqlClient client, Instant cutoff, int limit) {
        return client.preparedQuery(RESULTS).execute(Tuple.of(Db.ts(cutoff), limit)).map(rows -> rows.rowCount());
    }

    /** Deletes up to {@code limit} of {@code level}'s buckets that began before {@code cutoff}; answers how many. */
    static Uni<Integer> rollups(SqlClient client, Level level, Instant cutoff, int limit) {
        return client.preparedQuery(ROLLUPS.formatted(level.table)).execute(Tuple.of(Db.ts(cutoff), limit))
                .map(rows -> rows.rowCount());
    }
}
