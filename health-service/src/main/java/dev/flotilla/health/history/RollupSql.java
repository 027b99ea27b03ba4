package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rollup job's statements. They cross tenants, as the checker's claim does: one job rolls up every tenant's
 * results, bucket by bucket in time.
 */
final class RollupSql {

    /**
     * Every target's results that began in [$1, $2), grouped into buckets of $3 (aligned to the epoch, whatever the
     * connection's TimeZone setting), written over what a bucket held: running it again gives the same rows.
     */
    private static final String ROLL_UP = """
            insert into %s as r (tenant_id, target_id, bucket, checks, failures, latency_min, latency_max, p50, p95, p99)
            select tenant_id, target_id, date_bin($3 * interval '1 millisecond', at, timestamptz 'epoch'),
                   count(*), count(*) filter (where status = 'DOWN'), min(latency_ms), max(latency_ms),
                   round(percentile_cont(0.5) within group (order by latency_ms)),
                   round(percentile_cont(0.95) within group (order by latency_ms)),
                   round(percentile_cont(0.99) within group (order by latency_ms))
              from health.results
             where at >= $1 and at < $2
             group by tenant_id, target_id, 3
            on conflict (tenant_id, target_id, bucket) do update
               set checks = excluded.checks, failures = excluded.failures, latency_min = excluded.latency_min,
                   latency_max = excluded.latency_max, p50 = excluded.p50, p95 = excluded.p95, p99 = excluded.p99""";

    private static final String START = "insert into health.rollup_marks (level, through) values ($1, $2) on conflict do nothing";

    /** The level's mark, locked for the transaction; nothing while another replica holds it. */
    private static final String LOCK = "select through from health.rollup_marks where level = $1 for update skip locked";

    private static final String ADVANCE = "update health.rollup_marks set through = $2 where level = $1";

    private static final String MARKS = "select level, through from health.rollup_marks";

    /** Every target's window sums of whole hours start again from nothing at the hour mark $1. */
    private static final String CLEAR_HOURS = """
            update health.uptime_windows
               set hours_through = $1, hours_checks_day = 0, hours_failures_day = 0, hours_checks_week = 0,
                   hours_failures_week = 0, hours_checks_month = 0, hours_failures_month = 0, hours_p50_day = 0,
                   hours_p95_day = 0
             where hours_through <> $1""";

    /**
     * Each target's whole hours before the hour mark $1 in the day, week and month that end at it, counted from the
     * first hour that begins in each.
     */
    private static final String HOURS = """
            insert into health.uptime_windows as w (tenant_id, target_id, hours_through, through, hours_checks_day,
                   hours_failures_day, hours_checks_week, hours_failures_week, hours_checks_month, hours_failures_month,
                   hours_p50_day, hours_p95_day)
            select tenant_id, target_id, $1::timestamptz, $1::timestamptz,
                   coalesce(sum(checks) filter (where bucket >= $1::timestamptz - interval '23 hours'), 0),
                   coalesce(sum(failures) filter (where bucket >= $1::timestamptz - interval '23 hours'), 0),
                   coalesce(sum(checks) filter (where bucket >= $1::timestamptz - interval '167 hours'), 0),
                   coalesce(sum(failures) filter (where bucket >= $1::timestamptz - interval '167 hours'), 0),
                   sum(checks), sum(failures),
                   coalesce(sum(p50::bigint * checks) filter (where bucket >= $1::timestamptz - interval '23 hours'), 0),
                   coalesce(sum(p95::bigint * checks) filter (where bucket >= $1::timestamptz - interval '23 hours'), 0)
              from health.rollups_hour
             where bucket >= $1::timestamptz - interval '719 hours' and bucket < $1::timestamptz
             group by tenant_id, target_id
            on conflict (tenant_id, target_id) do update
               set hours_through = excluded.hours_through, hours_checks_day = excluded.hours_checks_day,
                   hours_failures_day = excluded.hours_failures_day, hours_checks_week = excluded.hours_checks_week,
                   hours_failures_week = excluded.hours_failures_week, hours_checks_month = excluded.hours_checks_month,
                   hours_failures_month = excluded.hours_failures_month, hours_p50_day = excluded.hours_p50_day,
                   hours_p95_day = excluded.hours_p95_day""";

    /** The minutes rolled up since the hour mark $2, or in the hour before the minute mark $1. */
    private static final String RECENT_MINUTES = """
            select tenant_id, target_id,
                   sum(checks) filter (where bucket >= $1::timestamptz - interval '1 hour') as checks_hour,
                   sum(failures) filter (where bucket >= $1::timestamptz - interval '1 hour') as failures_hour,
                   sum(checks) filter (where bucket >= $2::timestamptz) as checks_since,
                   sum(failures) filter (where bucket >= $2::timestamptz) as failures_since,
                   sum(p50::bigint * checks) filter (where bucket >= $2::timestamptz) as p50_since,
                   sum(p95::bigint * checks) filter (where bucket >= $2::timestamptz) as p95_since
              from health.rollups_minute
             where bucket >= least($2::timestamptz, $1::timestamptz - interval '1 hour') and bucket < $1::timestamptz
             group by tenant_id, target_id""";

    /** A row for each target checked in those minutes that has none yet. */
    private static final String NEW_WINDOWS = """
            insert into health.uptime_windows (tenant_id, target_id, hours_through, through)
            select tenant_id, target_id, $2, $1 from (%s) recent
            on conflict (tenant_id, target_id) do nothing""".formatted(RECENT_MINUTES);

    /**
     * Every target's windows as of the minute mark $1: the hour from its minutes, the day, week and month from its whole
     * hours before the hour mark and its minutes since; the day's percentiles are its buckets' weighted by their checks.
     */
    private static final String WINDOWS = """
            update health.uptime_windows w
               set through = $1,
                   checks_hour = coalesce(m.checks_hour, 0), failures_hour = coalesce(m.failures_hour, 0),
                   checks_day = w.hours_checks_day + coalesce(m.checks_since, 0),
                   failures_day = w.hours_failures_day + coalesce(m.failures_since, 0),
                   checks_week = w.hours_checks_week + coalesce(m.checks_since, 0),
                   failures_week = w.hours_failures_week + coalesce(m.failures_since, 0),
                   checks_month = w.hours_checks_month + coalesce(m.checks_since, 0),
                   failures_month = w.hours_failures_month + coalesce(m.failures_since, 0),
                   p50_day = round((w.hours_p50_day + coalesce(m.p50_since, 0))
                                   / nullif(w.hours_checks_day + coalesce(m.checks_since, 0), 0)),
                   p95_day = round((w.hours_p95_day + coalesce(m.p95_since, 0))
                                   / nullif(w.hours_checks_day + coalesce(m.checks_since, 0), 0))
              from health.uptime_windows k left join (%s) m using (tenant_id, target_id)
             where w.tenant_id = k.tenant_id and w.target_id = k.target_id""".formatted(RECENT_MINUTES);

    /** Targets without a check in the month: nothing to show. */
    private static final String STALE_WINDOWS = "delete from health.uptime_windows where checks_month = 0 and checks_hour = 0";

    private RollupSql() {
    }

    /** Rolls up the results of [from, to) into {@code level}'s buckets; answers how many buckets were written. */
    static Uni<Integer> rollUp(SqlClient client, Level level, Instant from, Instant to) {
        return client.preparedQuery(ROLL_UP.formatted(level.table))
                .execute(Tuple.of(Db.ts(from), Db.ts(to), level.length.toMillis()))
                .map(rows -> rows.rowCount());
    }

    /** The level's mark, locked until the transaction ends (created at {@code start} if there is none yet). */
    static Uni<Instant> lock(SqlClient client, Level level, Instant start) {
        return client.preparedQuery(START).execute(Tuple.of(level.mark(), Db.ts(start)))
                .chain(() -> client.preparedQuery(LOCK).execute(Tuple.of(level.mark())))
                .map(rows -> rows.size() == 0 ? null : Db.instant(rows.iterator().next(), "through"));
    }

    static Uni<Void> advance(SqlClient client, Level level, Instant through) {
        return client.preparedQuery(ADVANCE).execute(Tuple.of(level.mark(), Db.ts(through))).replaceWithVoid();
    }

    /** How far each level is rolled up (a level the job has not started yet is absent). */
    static Uni<Map<Level, Instant>> marks(SqlClient client) {
        return client.preparedQuery(MARKS).execute().map(rows -> {
            Map<Level, Instant> marks = new EnumMap<>(Level.class);
            rows.forEach(row -> marks.put(Level.of(row.getString("level")),
                    Db.instant(row, "through")));
            return marks;
        });
    }

    /** Sums every target's whole hours of the windows that end at the hour mark {@code hours}. */
    static Uni<Void> hours(SqlClient client, Instant hours) {
        Tuple mark = Tuple.of(Db.ts(hours));
        return client.preparedQuery(CLEAR_HOURS).execute(mark)
                .chain(() -> client.preparedQuery(HOURS).execute(mark))
                .replaceWithVoid();
    }

    /** Sets every target's windows as of the minute mark {@code minutes}, on the hours summed at {@code hours}. */
    static Uni<Void> windows(SqlClient client, Instant minutes, Instant hours) {
        Tuple marks = Tuple.of(Db.ts(minutes), Db.ts(hours));
        return client.preparedQuery(NEW_WINDOWS).execute(marks)
                .chain(() -> client.preparedQuery(WINDOWS).execute(marks))
                .chain(() -> client.preparedQuery(STALE_WINDOWS).execute())
                .replaceWithVoid();
    }
}
