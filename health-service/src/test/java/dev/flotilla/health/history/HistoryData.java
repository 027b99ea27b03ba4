package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the history's tests write and read straight in the database: targets, results, rollups and marks. */
final class HistoryData {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Db db;

    HistoryData(Db db) {
        this.db = db;
    }

    /** A target of {@code tenant} that is never checked, so that its results are the test's alone. */
    static UUID target(UUID tenant, String name) {
        return UUID.fromString(Responses.created(Requests.as(tenant, "admin")
                .body(Map.of("name", name, "url", "http://127.0.0.1:9/", "enabled", false)).post("/api/v1/targets").then()));
    }

    /** A result of the target at {@code at}, DOWN when {@code down}. */
    void result(UUID tenant, UUID target, Instant at, int latencyMs, boolean down) {
        run("insert into health.results (tenant_id, target_id, id, at, status, latency_ms) values ($1, $2, $3, $4, $5, $6)",
                Tuple.from(Arrays.asList(tenant, target, Ids.next(), Db.ts(at), down ? "DOWN" : "UP", latencyMs)));
    }

    /** An hour rollup written as it is, without results behind it. */
    void hour(UUID tenant, UUID target, Instant bucket, int checks, int failures, int p50, int p95) {
        rollup(Level.HOUR, tenant, target, bucket, checks, failures, p50, p95);
    }

    void rollup(Level level, UUID tenant, UUID target, Instant bucket, int checks, int failures, int p50, int p95) {
        run("insert into " + level.table + " (tenant_id, target_id, bucket, checks, failures, latency_min, latency_max,"
                + " p50, p95, p99) values ($1, $2, $3, $4, $5, $6, $7, $6, $7, $7)",
                Tuple.from(Arrays.asList(tenant, target, Db.ts(bucket), checks, failures, p50, p95)));
    }

    /** Moves both marks to {@code through}, as if the job had rolled up everything before it and nothing after. */
    void marks(Instant through) {
        run("""
                insert into health.rollup_marks (level, through) values ('minute', $1), ('hour', $1)
                on conflict (level) do update set through = excluded.through""", Tuple.of(Db.ts(through)));
    }

    /** Moves one level's mark to {@code through}. */
    void mark(Level level, Instant through) {
        run("""
                insert into health.rollup_marks (level, through) values ($1, $2)
                on conflict (level) do update set through = excluded.through""", Tuple.of(level.mark(), Db.ts(through)));
    }

    Instant mark(Level level) {
        return rows("select through from health.rollup_marks where level = $1", Tuple.of(level.mark())).stream()
                .map(row -> Db.instant(row, "through")).findFirst().orElse(null);
    }

    /** The target's buckets of {@code level}, oldest first, as {@code bucket checks failures min max p50 p95 p99}. */
    List<String> rollups(Level level, UUID tenant, UUID target) {
        List<String> buckets = new ArrayList<>();
        rows("select * from " + level.table + " where tenant_id = $1 and target_id = $2 order by bucket",
                Tuple.of(tenant, target)).forEach(
                        row -> buckets.add(Db.instant(row, "bucket") + " " + row.getInteger("checks")
                                + " " + row.getInteger("failures") + " " + row.getInteger("latency_min") + " "
                                + row.getInteger("latency_max") + " " + row.getInteger("p50") + " " + row.getInteger("p95")
                                + " "
                                + row.getInteger("p99")));
        return buckets;
    }

    /** How many of the target's rows {@code table} holds. */
    long count(String table, UUID tenant, UUID target) {
        return rows("select count(*) as n from health." + table + " where tenant_id = $1 and target_id = $2",
                Tuple.of(tenant, target)).get(0).getLong("n");
    }

    /** The start of the hour {@code hours} hours before this one: tests put their data in the past. */
    static Instant hoursAgo(long hours) {
        return Level.HOUR.floor(Instant.now()).minus(Duration.ofHours(hours));
    }

    private void run(String sql, Tuple parameters) {
        db.pool().preparedQuery(sql).execute(parameters).await().atMost(WAIT);
    }

    private List<Row> rows(String sql, Tuple parameters) {
        List<Row> rows = new ArrayList<>();
        db.pool().preparedQuery(sql).execute(parameters).await().atMost(WAIT).forEach(rows::add);
        return rows;
    }
}
