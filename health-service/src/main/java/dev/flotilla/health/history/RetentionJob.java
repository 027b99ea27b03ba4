package dev.flotilla.health.history;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Deletes, on every replica, raw results older than {@code flotilla.health.retention.raw}, minute rollups older than
 * {@code .minutes} and hour rollups older than {@code .rollups}, so the database stays bounded. Each table is emptied
 * of its expired rows a batch per statement, until a batch comes back short; the rows deleted are counted in
 * {@code flotilla_health_retention_deleted_total{table}}.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Db db;
    private final HistoryConfig.Retention config;
    private final Clock clock;
    private final DatabaseOutage outage;
    private final Map<String, Counter> deleted = new LinkedHashMap<>();

    public RetentionJob(Db db, HistoryConfig config, Clock clock, DatabaseOutage outage, MeterRegistry registry) {
        this.db = db;
        this.config = config.retention();
        this.clock = clock;
        this.outage = outage;
        for (String table : new String[] { "results", "rollups_minute", "rollups_hour" }) {
            deleted.put(table, Counter.builder("flotilla.health.retention.deleted").tag("table", table)
                    .description("Rows deleted past their retention").register(registry));
        }
    }

    @Scheduled(every = "${flotilla.health.retention.interval:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge(clock.instant())
                .onFailure()
                .invoke(failure -> outage.jobFailed(LOG, failure, "Deleting old history failed; the next run retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes what is past its retention at {@code now}; answers the rows deleted per table. */
    public Uni<Map<String, Long>> purge(Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        return drain("results", limit -> RetentionSql.results(db.pool(), now.minus(config.raw()), limit), 0, counts)
                .chain(() -> drain("rollups_minute",
                        limit -> RetentionSql.rollups(db.pool(), Level.MINUTE, now.minus(config.minutes()), limit), 0, counts))
                .chain(() -> drain("rollups_hour",
                        limit -> RetentionSql.rollups(db.pool(), Level.HOUR, now.minus(config.rollups()), limit), 0, counts))
                .replaceWith(counts)
                .invoke(() -> counts.forEach((table, count) -> {
                    if (count > 0) {
                        LOG.debugf("Deleted %d rows of %s past their retention", count, table);
                    }
                }));
    }

    private Uni<Void> drain(String table, Function<Integer, Uni<Integer>> batch, long sofar, Map<String, Long> counts) {
        return batch.apply(config.batch()).chain(count -> {
            deleted.get(table).increment(count);
            long total = sofar + count;
            if (count < config.batch()) {
                counts.put(table, total);
                return Uni.createFrom().voidItem();
            }
            return drain(table, batch, total, counts);
        });
    }
}
