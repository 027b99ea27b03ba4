package dev.flotilla.health.result;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements over {@code results}, each scoped to a tenant and target. */
final class ResultSql {

    private static final String COLUMNS = "tenant_id, target_id, id, at, status, latency_ms, failing, excerpt, error";

    /** Nothing when the target was deleted while it was checked. */
    private static final String INSERT = """
            insert into health.results (tenant_id, target_id, id, at, status, latency_ms, failing, excerpt, error)
            select $1, $2, $3, $4, $5, $6, $7, $8, $9
             where exists (select 1 from health.targets where tenant_id = $1 and id = $2)""";

    /** Newest first; $3/$4 the position after which the page starts (null: the newest). */
    private static final String PAGE = """
            select %s from health.results
             where tenant_id = $1 and target_id = $2
               and ($3::timestamptz is null or (at, id) < ($3, $4))
             order by at desc, id desc
             limit $5""".formatted(COLUMNS);

    private ResultSql() {
    }

    static Uni<Void> insert(SqlClient client, Result result) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(result.tenant(), result.targetId(), result.id(), Db.ts(result.at()),
                        result.status().name(), result.latencyMs(), result.failing().toArray(String[]::new),
                        result.excerpt(), result.error())))
                .replaceWithVoid();
    }

    static Uni<List<Result>> page(SqlClient client, UUID tenant, UUID target, Instant beforeAt, UUID beforeId, int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(tenant, target, Db.ts(beforeAt), beforeId, limit)))
                .map(rows -> {
                    List<Result> results = new ArrayList<>(rows.size());
                    rows.forEach(row -> results.add(result(row)));
                    return results;
                });
    }

    private static Result result(Row row) {
        return new Result(row.getUUID("tenant_id"), row.getUUID("target_id"), row.getUUID("id"), Db.instant(row, "at"),
                Result.Status.valueOf(row.getString("status")), row.getInteger("latency_ms"),
                List.of(row.getArrayOfStrings("failing")), row.getString("excerpt"), row.getString("error"));
    }
}
