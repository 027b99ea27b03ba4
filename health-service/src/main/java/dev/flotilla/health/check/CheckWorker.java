package dev.flotilla.health.check;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.health.registry.HealthConfig;
import dev.flotilla.health.registry.Target;
import dev.flotilla.health.result.Result;
import dev.flotilla.health.result.ResultService;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final CheckMetrics metrics;
    private final HealthConfig.Check config;
    private final Clock clock;
    private final Vertx vertx;
    private final DatabaseOutage outage;
    private final String replica = Ids.next().toString();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong timer = new AtomicLong(NO_TIMER);
    private volatile boolean backlog;
    private volatile boolean stopped;

    public CheckWorker(Db db, Checker checker, ResultService results, CheckMetrics metrics, HealthConfig config, Clock clock,
            Vertx vertx, DatabaseOutage outage) {
        this.db = db;
        this.checker = checker;
        this.results = results;
        this.metrics = metrics;
        this.config = config.check();
        this.clock = clock;
        this.vertx = vertx;
        this.outage = outage;
    }

    @Scheduled(every = "${flotilla.health.check.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        metrics.sweep(now()).forEach(checker::forget);
        return pump().chain(this::scheduleNext).onFailure().recoverWithNull();
    }

    /** Claims due targets now, or, if a claim is under way, once more after it. */
    void wake() {
        pump().chain(this::scheduleNext).subscribe().with(ignored -> {
        }, failure -> {
        });
    }

    /** Claims up to {@code limit} due targets for this replica in a transaction of its own. */
    private Uni<List<CheckSql.Claimed>> claim(int limit) {
        return db.tx(tx -> CheckSql.claim(tx, now(), limit, replica, config.leaseSlack()));
    }

    /** Claims and starts due checks while there are free slots and more may be due; answers how many. Never fails. */
    private Uni<Integer> pump() {
        again.set(true);
        if (stopped || !claiming.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return claimRound();
    }

    private Uni<Integer> claimRound() {
        again.set(false);
        int free = config.concurrency() - inFlight.get();
        if (free <= 0) {
            backlog = true;
            return release(0);
        }
        return claim(free)
                .map(claimed -> {
                    backlog = claimed.size() == free;
                    claimed.forEach(this::start);
                    return claimed.size();
                })
                .onFailure().invoke(failure -> {
                    backlog = false;
                    outage.jobFailed(LOG, failure, "Claiming due targets failed; the next poll retries");
                })
                .onFailure().recoverWithItem(0)
                .chain(count -> again.get() || backlog && inFlight.get() < config.concurrency()
                        ? claimRound().map(more -> count + more)
                        : release(count));
    }

    /** Ends claiming; a wake that came after the last check claims once more. */
    private Uni<Integer> release(int count) {
        claiming.set(false);
        if (again.get() && claiming.compareAndSet(false, true)) {
            return claimRound().map(more -> count + more);
        }
        return Uni.createFrom().item(count);
    }

    /** Sets a timer for the next target to come due, when that is before the next poll. */
    private Uni<Void> scheduleNext(int ignored) {
        if (backlog || stopped) {
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
                wake();
            });
            long previous = timer.getAndSet(id);
            if (previous != NO_TIMER) {
                vertx.cancelTimer(previous);
            }
        }).replaceWithVoid().onFailure().recoverWithNull();
    }

    private void start(CheckSql.Claimed claimed) {
        inFlight.incrementAndGet();
        metrics.started(claimed.dueAt(), now());
        check(claimed.target()).subscribe().with(ignored -> finished(), failure -> finished());
    }

    private void finished() {
        inFlight.decrementAndGet();
        if (backlog) {
            wake();
        }
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
                .chain(() -> CheckSql.release(tx, target.tenant(), target.id(), replica)))
                .invoke(() -> metrics.recorded(target, result, took, now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        long previous = timer.getAndSet(NO_TIMER);
        if (previous != NO_TIMER) {
            vertx.cancelTimer(previous);
        }
    }
}
