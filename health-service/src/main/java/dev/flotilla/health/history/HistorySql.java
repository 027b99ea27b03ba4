package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import dev.flotilla.health.registry.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The history's reads, each of one tenant's targets (and the platform's, which every tenant reads). */
final class HistorySql {

    /**
     * A target's points in [$3, $4) of $7 milliseconds: the level's rollups before its mark, and the level's buckets
     * computed from the raw results after it (those not rolled up yet, the open one among them), summed per point.
     * A point's percentiles are its buckets' weighted by their checks.
     */
    private static final String POINTS = """
            with mark as (
                select coalesce((select through from health.rollup_marks where level = $5), timestamptz '-infinity') as through
            ), buckets as (
                select bucket, checks, failures, p50, p95, p99
                  from %s, mark
                 where tenant_id = $1 and target_id = $2 and bucket >= $3 and bucket < least($4, mark.through)
                union all
                select date_bin($6 * interval '1 millisecond', at, timestamptz 'epoch'), count(*),
                       count(*) filter (where status = 'DOWN'),
                       round(percentile_cont(0.5) within group (order by latency_ms)),
                       round(percentile_cont(0.95) within group (order by latency_ms)),
                       round(percentile_cont(0.99) within group (order by latency_ms))
                  from health.results, mark
                 where tenant_id = $1 and target_id = $2 and at >= greatest($3, mark.through) and at < $4
                 group by 1
            )
            select date_bin($7 * interval '1 millisecond', bucket, timestamptz 'epoch') as at,
                   sum(checks)::bigint as checks, sum(failures)::bigint as failures,
                   round(sum(p50 * checks) / sum(checks))::integer as p50,
                   round(sum(p95 * checks) / sum(checks))::integer as p95,
                   round(sum(p99 * checks) / sum(checks))::integer as p99
              from buckets
             group by 1
             order by 1""";

    /** The uptime windows of the targets $2 of the tenant $1 or of the platform $3, by the primary key. */
    private static final String UPTIMES = """
            select target_id, through, checks_hour, failures_hour, checks_day, failures_day, checks_week, failures_week,
                   checks_month, failures_month, p50_day, p95_day
              from health.uptime_windows
             where tenant_id = any(array[$1, $3]::uuid[]) and target_id = any($2)""";

    /**
     * Checks and failures per UTC day since $3 of the targets ($1[i], $2[i]) (tenant and id): hour rollups before the
     * hour mark, minute rollups from there to the minute mark, raw results after it, so that a read scans minutes of
     * raw results at most.
     */
    private static final String DAILY = """
            with marks as (
                select coalesce((select through from health.rollup_marks where level = 'hour'), timestamptz '-infinity') as hour,
                       coalesce((select through from health.rollup_marks where level = 'minute'), timestamptz '-infinity') as minute
            ), shown as (
                select * from unnest($1::uuid[], $2::uuid[]) as shown (tenant_id, target_id)
            )
            select target_id, day, sum(checks)::bigint as checks, sum(failures)::bigint as failures from (
                select h.target_id, (h.bucket at time zone 'UTC')::date as day, h.checks, h.failures
                  from shown join health.rollups_hour h on h.tenant_id = shown.tenant_id and h.target_id = shown.target_id,
                       marks
                 where h.bucket >= $3 and h.bucket < least(marks.hour, $4)
                union all
                select m.target_id, (m.bucket at time zone 'UTC')::date, m.checks, m.failures
                  from shown join health.rollups_minute m on m.tenant_id = shown.tenant_id and m.target_id = shown.target_id,
                       marks
                 where m.bucket >= greatest($3, marks.hour) and m.bucket < least(marks.minute, $4)
                union all
                select r.target_id, (r.at at time zone 'UTC')::date, 1, case when r.status = 'DOWN' then 1 else 0 end
                  from shown join health.results r on r.tenant_id = shown.tenant_id and r.target_id = shown.target_id,
                       marks
                 where r.at >= greatest($3, marks.hour, marks.minute) and r.at < $4
            ) days
             group by target_id, day""";

    private HistorySql() {
    }

    static Uni<List<HistoryPoint>> points(SqlClient client, UUID tenant, UUID target, HistoryQuery query) {
        Level level = query.step().level;
        return client.preparedQuery(POINTS.formatted(level.table))
                .execute(Tuple.from(List.of(tenant, target, Db.ts(query.from()), Db.ts(query.to()), level.mark(),
                        level.length.toMillis(), query.step().length.toMillis())))
                .map(rows -> {
                    List<HistoryPoint> points = new ArrayList<>(rows.size());
                    rows.forEach(row -> points.add(HistoryPoint.of(Db.instant(row, "at"), row.getLong("checks"),
                            row.getLong("failures"), row.getInteger("p50"), row.getInteger("p95"), row.getInteger("p99"))));
                    return points;
                });
    }

    static Uni<Map<UUID, Uptime>> uptimes(SqlClient client, UUID tenant, Collection<UUID> targets) {
        return client.preparedQuery(UPTIMES)
                .execute(Tuple.of(tenant, targets.toArray(UUID[]::new), Target.PLATFORM))
                .map(rows -> {
                    Map<UUID, Uptime> uptimes = new HashMap<>();
                    rows.forEach(row -> uptimes.put(row.getUUID("target_id"), uptime(row)));
                    return uptimes;
                });
    }

    static Uni<List<DailyChecks>> daily(SqlClient client, List<UUID> tenants, List<UUID> targets, Instant from,
            Instant until) {
        return client.preparedQuery(DAILY)
                .execute(Tuple.of(tenants.toArray(UUID[]::new), targets.toArray(UUID[]::new), Db.ts(from), Db.ts(until)))
                .map(rows -> {
                    List<DailyChecks> days = new ArrayList<>(rows.size());
                    rows.forEach(row -> days.add(new DailyChecks(row.getUUID("target_id"), row.getLocalDate("day"),
                            row.getLong("checks"), row.getLong("failures"))));
                    return days;
                });
    }

    private static Uptime uptime(Row row) {
        return new Uptime(Db.instant(row, "through"),
                Uptime.Window.of(row.getInteger("checks_hour"), row.getInteger("failures_hour")),
                Uptime.Window.of(row.getInteger("checks_day"), row.getInteger("failures_day")),
                Uptime.Window.of(row.getInteger("checks_week"), row.getInteger("failures_week")),
                Uptime.Window.of(row.getInteger("checks_month"), row.getInteger("failures_month")),
                row.getInteger("p50_day"), row.getInteger("p95_day"));
    }
}
