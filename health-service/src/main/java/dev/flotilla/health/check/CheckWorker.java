package dev.flotilla.health.check;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.work.ClaimPump;
import dev.flotilla.health.registry.HealthConfig;
import dev.flotilla.health.registry.Target;
import dev.flotilla.health.result.Result;
import dev.flotilla.health.result.ResultService;
import dev.flotilla.health.state.TargetStates;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks due targets, on every replica. A short transaction claims due targets with {@code FOR UPDATE SKIP LOCKED}
 * (replicas share the targets, never check one twice in an interval), moves each one's {@code next_check_at} an
 * interval on and leases it to this replica; each is then checked outside any transaction, and a second short
 * transaction records the result and ends the lease. A replica that stops mid-check leaves its targets to the others
 * when their lease ends, which is within the interval.
 * <p>
 * The worker polls every {@code flotilla.health.check.poll-interval}, and sets a timer for the next target to come due
 * when that is sooner, so checks start on time. At most {@code flotilla.health.check.concurrency} checks run per
 * replica; claims stop while that many do, and resume as they finish.
 */
@ApplicationScoped
public class CheckWorker {

    private static final Logger LOG = Logger.getLogger(CheckWorker.class);
    private static final long NO_TIMER = -1;

    private final Db db;
    private final Checker checker;
    private final ResultService results;
    private final TargetStates states;
    private final CheckMetrics metrics;
    private final HealthConfig.Check config;
    private final Clock clock;
    private final Vertx vertx;
    private final DatabaseOutage outage;
    private final String replica = Ids.next().toString();
    private final ClaimPump<CheckSql.Claimed> pump;
    private final AtomicLong timer = new AtomicLong(NO_TIMER);
    private volatile boolean stopped;

    public CheckWorker(Db db, Checker checker, ResultService results, TargetStates states, CheckMetrics metrics,
            HealthConfig config, Clock clock, Vertx vertx, DatabaseOutage outage) {
        this.db = db;
        this.checker = checker;
        this.results = results;
        this.states = states;
        this.metrics = metrics;
        this.config = config.check();
        this.clock = clock;
        this.vertx = vertx;
        this.outage = outage;
        this.pump = new ClaimPump<>(this.config.concurrency(), this::claim, this::start,
                failure -> outage.jobFailed(LOG, failure, "Claiming due targets failed; the next poll retries"),
                this::scheduleNext);
    }

    @Scheduled(every = "${flotilla.health.check.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        metrics.sweep(now()).forEach(checker::forget);
        return pump.pump().chain(this::scheduleNext).onFailure().recoverWithNull();
    }

    /** Claims up to {@code limit} due targets for this replica in a transaction of its own. */
    private Uni<List<CheckSql.Claimed>> claim(int limit) {
        return db.tx(tx -> CheckSql.claim(tx, now(), limit, replica, config.leaseSlack()));
    }

    /** Sets a timer for the next target to come due, when that is before the next poll. */
    private Uni<Void> scheduleNext(int ignored) {
        if (pump.backlog() || stopped) {
            return Uni.createFrom().voidItem();
        }
        return CheckSql.nextDue(db.pool()).invoke(next -> {
            if (next == null) {
                return;
            }
            long delay = Math.max(1, Duration.between(clock.instant(), next).toMillis());
            if (delay >= config.pollInterval().toMillis()) {
                return;
            }
            long id = vertx.setTimer(delay, fired -> {
                timer.compareAndSet(fired, NO_TIMER);
                pump.wake();
            });
            long previous = timer.getAndSet(id);
            if (previous != NO_TIMER) {
                vertx.cancelTimer(previous);
            }
        }).replaceWithVoid().onFailure().recoverWithNull();
    }

    private Uni<Void> start(CheckSql.Claimed claimed) {
        metrics.started(claimed.dueAt(), now());
        return check(claimed.target());
    }

    /** Checks one claimed target and records the result; never fails (an unrecorded check's lease runs out). */
    private Uni<Void> check(Target target) {
        long started = System.nanoTime();
        Instant at = now();
        return checker.check(target, at)
                .chain(result -> record(target, result, Duration.ofNanos(System.nanoTime() - started)))
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure,
                        "Recording the check of target " + target.id() + " failed; its lease runs out"))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> record(Target target, Result result, Duration took) {
        return db.tx(tx -> results.record(tx, result)
                .chain(() -> states.recorded(tx, target, result))
                .chain(() -> CheckSql.release(tx, target.tenant(), target.id(), replica)))
                .invoke(() -> metrics.recorded(target, result, took, now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        pump.stop();
        long previous = timer.getAndSet(NO_TIMER);
        if (previous != NO_TIMER) {
            vertx.cancelTimer(previous);
        }
    }
}
