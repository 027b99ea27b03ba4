package dev.flotilla.health.history;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rolls raw results up into minute and hour buckets, on every replica. Each level has a mark in the database: every
 * bucket before it is rolled up. A run takes the level's mark row ({@code FOR UPDATE SKIP LOCKED}, so one replica at a
 * time works on a level and the others skip it), rolls up the buckets from the mark to the last one that has settled
 * and moves the mark on, a batch of buckets per transaction; after a restart it resumes at the mark, and never rescans.
 * A bucket is rolled up once {@code flotilla.health.rollup.settle} has passed after its end, longer than any check
 * takes to be recorded, so results that arrive late still fall into buckets not yet rolled up. Buckets are written by
 * upsert from the results alone, so rolling one up again (a mark moved back) gives the same rows. When a mark moves,
 * each target's uptime windows are brought up to it: the whole hours summed again when the hour mark moved, the
 * minutes since added every time.
 */
@ApplicationScoped
public class RollupJob {

    private static final Logger LOG = Logger.getLogger(RollupJob.class);

    private final Db db;
    private final HistoryConfig config;
    private final Clock clock;
    private final DatabaseOutage outage;
    private final AtomicReference<Instant> summedHours = new AtomicReference<>();

    public RollupJob(Db db, HistoryConfig config, Clock clock, DatabaseOutage outage) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.outage = outage;
    }

    @Scheduled(every = "${flotilla.health.rollup.interval:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(clock.instant())
                .onFailure()
                .invoke(failure -> outage.jobFailed(LOG, failure, "Rolling up results failed; the next run retries"))
                .onFailure().recoverWithNull();
    }

    /** Rolls up every bucket that has settled by {@code now}, hours first, then minutes and the uptime windows. */
    public Uni<Void> run(Instant now) {
        Instant settled = now.minus(config.rollup().settle());
        return catchUp(Level.HOUR, now, Level.HOUR.floor(settled), false)
                .chain(hoursMoved -> catchUp(Level.MINUTE, now, Level.MINUTE.floor(settled), false)
                        .chain(minutesMoved -> minutesMoved || hoursMoved ? windows(hoursMoved)
                                : Uni.createFrom().voidItem()));
    }

    /** Steps {@code level} on to {@code closed}; answers whether its mark moved. */
    private Uni<Boolean> catchUp(Level level, Instant now, Instant closed, boolean moved) {
        Instant start = level.floor(now.minus(config.retention().raw()));
        return db.tx(tx -> RollupSql.lock(tx, level, start).chain(mark -> {
            if (mark == null || !mark.isBefore(closed)) {
                return Uni.createFrom().<Instant> nullItem();
            }
            Instant end = mark.plus(level.length.multipliedBy(config.rollup().batch()));
            Instant to = end.isBefore(closed) ? end : closed;
            return RollupSql.rollUp(tx, level, mark, to).chain(() -> RollupSql.advance(tx, level, to)).replaceWith(to);
        })).chain(to -> {
            if (to == null) {
                return Uni.createFrom().item(moved);
            }
            return to.isBefore(closed) ? catchUp(level, now, closed, true) : Uni.createFrom().item(true);
        });
    }

    private Uni<Void> windows(boolean hoursMoved) {
        return RollupSql.marks(db.pool()).chain(marks -> {
            Instant minutes = marks.get(Level.MINUTE);
            Instant hours = marks.get(Level.HOUR);
            if (minutes == null || hours == null) {
                return Uni.createFrom().voidItem();
            }
            // The whole hours are summed again when the hour mark moves, or when this replica has not summed them yet
            // at this mark (another replica moved it).
            Uni<Void> summed = hoursMoved || !hours.equals(summedHours.get())
                    ? db.tx(tx -> RollupSql.hours(tx, hours)).invoke(() -> summedHours.set(hours))
                    : Uni.createFrom().voidItem();
            return summed.chain(() -> db.tx(tx -> RollupSql.windows(tx, minutes, hours)));
        });
    }
}
