package dev.flotilla.notification.delivery;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends digests whose window has ended, on every replica, as {@link DeliveryWorker} sends single deliveries: a short
 * transaction claims due digests with {@code FOR UPDATE SKIP LOCKED} and leases them (with every member delivery,
 * each given its attempt), the {@link DigestChannel} sends each outside any transaction, and a second short
 * transaction records the attempt on the digest and on every member: SUCCEEDED, PENDING again (held for quiet hours,
 * or at the time the {@link RetrySchedule} gives), FAILED, or SKIPPED (members the recipient turned off since). A
 * worker that dies between the two leaves the digest to be claimed again when its lease ends.
 * <p>
 * Digests come due at a time known in advance (their window's end), so workers find them by polling every
 * {@code flotilla.delivery.poll-interval}, claiming at most {@code flotilla.delivery.concurrency} at a time, and at
 * once again while claims come back full.
 */
@ApplicationScoped
public class DigestWorker {

    private static final Logger LOG = Logger.getLogger(DigestWorker.class);

    private final Db db;
    private final DeliveryConfig config;
    private final Clock clock;
    private final DigestChannel channel;
    private final DatabaseOutage outage;
    private final MeterRegistry registry;
    private final RetrySchedule schedule;

    public DigestWorker(Db db, DeliveryConfig config, Clock clock, DigestChannel channel, DatabaseOutage outage,
            MeterRegistry registry) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.channel = channel;
        this.outage = outage;
        this.registry = registry;
        this.schedule = new RetrySchedule(config.retrySchedule(), config.jitter(), config.maxRetryAfter());
    }

    @Scheduled(every = "${flotilla.delivery.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return round()
                .onFailure()
                .invoke(failure -> outage.jobFailed(LOG, failure, "Claiming due digests failed; the next poll retries"))
                .onFailure().recoverWithNull();
    }

    /** Claims due digests and sends them; again while a claim takes as many as it may. */
    private Uni<Void> round() {
        Instant now = now();
        int limit = config.concurrency();
        return db.tx(tx -> DigestSql.claim(tx, now, limit, now.plus(config.lease()))).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<Void>> sends = claimed.stream().map(this::deliver).toList();
            Uni<Void> all = Uni.join().all(sends).andCollectFailures().replaceWithVoid();
            return claimed.size() == limit ? all.chain(this::round) : all;
        });
    }

    /** Sends one claimed digest and records the attempt; never fails (an unrecorded attempt's lease runs out). */
    Uni<Void> deliver(ClaimedDigest digest) {
        long started = System.nanoTime();
        Uni<DigestOutcome> sent = digest.members().isEmpty()
                ? Uni.createFrom().item(DigestOutcome.of(AttemptResult.skipped("the digest has no pending event")))
                : channel.send(digest);
        return sent
                .onFailure()
                .recoverWithItem(failure -> DigestOutcome.of(AttemptResult.failed(String.valueOf(failure.getMessage()))))
                .chain(outcome -> record(digest, outcome, Duration.ofNanos(System.nanoTime() - started)))
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure,
                        "Recording an attempt of digest " + digest.id() + " failed; it is attempted again when its lease ends"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> record(ClaimedDigest digest, DigestOutcome outcome, Duration took) {
        Instant now = now();
        AttemptResult result = outcome.result();
        NextAttempt next = NextAttempt.after(result, digest.scheduledAttempt(), schedule, now);
        List<DigestSql.MemberOutcome> members = new ArrayList<>(digest.members().size());
        for (ClaimedDigest.Member member : digest.members()) {
            String skipped = outcome.skipped().get(member.deliveryId());
            members.add(skipped == null ? new DigestSql.MemberOutcome(member, next.status(), result.error())
                    : new DigestSql.MemberOutcome(member, "SKIPPED", skipped));
        }
        int durationMs = (int) Math.min(Integer.MAX_VALUE, took.toMillis());
        boolean held = result.outcome() == AttemptResult.Outcome.HELD;
        return db.tx(tx -> DigestSql.record(tx, digest, next.status(), next.at(), result.error(), held, members, durationMs,
                result.responseExcerpt(), now))
                .invoke(recorded -> {
                    if (recorded && !"PENDING".equals(next.status())) {
                        Counter.builder("flotilla.notification.digests")
                                .description("Digests ended, by outcome (succeeded, failed, skipped)")
                                .tag("outcome", next.status().toLowerCase(Locale.ROOT))
                                .register(registry)
                                .increment();
                    }
                })
                .replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
