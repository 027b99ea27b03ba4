package dev.flotilla.notification.delivery;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.notify.ChannelListener;
import dev.flotilla.common.notify.PgNotifications;
import dev.flotilla.common.work.ClaimPump;
import dev.flotilla.notification.webhook.EndpointService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends pending deliveries, on every replica. A short transaction claims due deliveries with
 * {@code FOR UPDATE SKIP LOCKED} (replicas share the work, never repeat it) and moves each one's
 * {@code next_attempt_at} past a lease; each is then sent by its {@link DeliveryChannel} outside any transaction,
 * and a second short transaction records the attempt and the outcome: SUCCEEDED, PENDING again at the time the
 * {@link RetrySchedule} gives, FAILED after the last attempt or a 410 (which also disables the endpoint), SKIPPED for a
 * disabled endpoint. A worker that dies between the two leaves its deliveries to be claimed again when their lease
 * ends: delivery is at least once, and receivers deduplicate by {@code webhook-id}. Outcomes that finish while another
 * batch of them is being recorded are recorded together, in the next transaction.
 * <p>
 * Workers wake when a transaction that wrote deliveries commits (NOTIFY on {@code notification_deliveries}), and poll
 * every {@code flotilla.delivery.poll-interval} for retries coming due. At most {@code flotilla.delivery.concurrency}
 * deliveries are in flight per replica; claims stop while that many are, and resume as they finish. Time is the
 * injected {@link Clock}'s, so the schedule can be driven in tests.
 */
@ApplicationScoped
public class DeliveryWorker implements ChannelListener {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Db db;
    private final DeliveryConfig config;
    private final Clock clock;
    private final EndpointService endpoints;
    private final Instance<EndpointDisabledListener> listeners;
    private final PgNotifications notifications;
    private final DatabaseOutage outage;
    private final MeterRegistry registry;
    private final Map<String, DeliveryChannel> channels = new LinkedHashMap<>();
    private final List<String> channelNames;
    private final RetrySchedule schedule;
    private final Batcher<AttemptOutcome> outcomes;
    private final ClaimPump<ClaimedDelivery> pump;

    public DeliveryWorker(Db db, DeliveryConfig config, Clock clock, Instance<DeliveryChannel> channels,
            EndpointService endpoints, Instance<EndpointDisabledListener> listeners, PgNotifications notifications,
            DatabaseOutage outage, MeterRegistry registry) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.endpoints = endpoints;
        this.listeners = listeners;
        this.notifications = notifications;
        this.outage = outage;
        this.registry = registry;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.channelNames = List.copyOf(this.channels.keySet());
        this.schedule = new RetrySchedule(config.retrySchedule(), config.jitter(), config.maxRetryAfter());
        this.outcomes = new Batcher<>(config.concurrency(), this::recordAll);
        this.pump = new ClaimPump<>(config.concurrency(), this::claim, this::deliver,
                failure -> outage.jobFailed(LOG, failure, "Claiming due deliveries failed; the next poll retries"),
                count -> Uni.createFrom().voidItem());
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(DeliverySql.WAKE_CHANNEL, this);
    }

    @Override
    public void notified(String payload) {
        wake();
    }

    /** (Re-)listening: notifications may have been missed meanwhile, so look now. */
    @Override
    public void subscribed() {
        wake();
    }

    @Scheduled(every = "${flotilla.delivery.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return pump.pump().replaceWithVoid();
    }

    /** Claims due deliveries now, or, if a claim is under way, once more after it. */
    void wake() {
        pump.wake();
    }

    private Uni<List<ClaimedDelivery>> claim(int free) {
        Instant now = now();
        return db.tx(tx -> DeliverySql.claim(tx, now, free, channelNames, now.plus(config.lease())));
    }

    /** Sends one claimed delivery and records the attempt; never fails (an unrecorded attempt's lease runs out). */
    Uni<Void> deliver(ClaimedDelivery delivery) {
        DeliveryChannel channel = channels.get(delivery.channel());
        long started = System.nanoTime();
        return channel.send(delivery)
                .onFailure().recoverWithItem(failure -> AttemptResult.failed(String.valueOf(failure.getMessage())))
                .chain(result -> record(delivery, result, Duration.ofNanos(System.nanoTime() - started)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> record(ClaimedDelivery delivery, AttemptResult result, Duration took) {
        Instant now = now();
        NextAttempt next = NextAttempt.after(result, delivery.scheduledAttempt(), schedule, now);
        int durationMs = (int) Math.min(Integer.MAX_VALUE, took.toMillis());
        AttemptOutcome outcome = new AttemptOutcome(delivery, result, durationMs, next.status(), next.at(), now);
        return outcomes.submit(outcome).invoke(() -> count(delivery, result, next.status(), took, now));
    }

    /**
     * Records the outcomes of a batch of attempts in one transaction, with the endpoints each disables; when it fails,
     * their leases run out and they are attempted again.
     */
    private Uni<Void> recordAll(List<AttemptOutcome> batch) {
        return db.tx(tx -> DeliverySql.record(tx, batch).chain(states -> {
            Uni<Void> disabled = Uni.createFrom().voidItem();
            for (AttemptOutcome outcome : batch) {
                DeliverySql.EndpointState endpoint = states.get(outcome.delivery().id());
                disabled = disabled.chain(() -> disableIfDue(tx, outcome.delivery(), outcome.result(), endpoint, outcome.at()));
            }
            return disabled;
        })).onFailure().invoke(failure -> outage.jobFailed(LOG, failure, "Recording the attempts of " + batch.size()
                + " deliveries failed; they are attempted again when their leases end"));
    }

    /** Disables the endpoint that answered 410, or whose every delivery has failed for {@code disable-after}. */
    private Uni<Void> disableIfDue(SqlConnection tx, ClaimedDelivery delivery, AttemptResult result,
            DeliverySql.EndpointState endpoint, Instant now) {
        if (endpoint == null || !endpoint.enabled() || delivery.webhook() == null) {
            return Uni.createFrom().voidItem();
        }
        String reason = null;
        if (result.outcome() == AttemptResult.Outcome.GONE) {
            reason = "the endpoint answered 410 Gone";
        } else if (result.outcome() == AttemptResult.Outcome.FAILED && endpoint.failingSince() != null
                && !endpoint.failingSince().isAfter(now.minus(config.disableAfter()))) {
            reason = "every delivery has failed since " + endpoint.failingSince();
        }
        if (reason == null) {
            return Uni.createFrom().voidItem();
        }
        String why = reason;
        return endpoints.disable(tx, delivery.tenant(), delivery.webhook().endpointId(), why, now).chain(disabled -> {
            if (disabled == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Disabled webhook endpoint %s of tenant %s: %s", disabled.id(), disabled.tenant(), why);
            EndpointDisabled notice = new EndpointDisabled(disabled.tenant(), disabled.id(), disabled.url(), why,
                    disabled.createdBy(), now);
            Uni<Void> told = Uni.createFrom().voidItem();
            for (EndpointDisabledListener listener : listeners) {
                told = told.chain(() -> listener.disabled(tx, notice));
            }
            return told;
        });
    }

    private void count(ClaimedDelivery delivery, AttemptResult result, String status, Duration took, Instant now) {
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        Timer.builder("flotilla.notification.delivery.attempt.duration")
                .description("How long each delivery attempt took, by its outcome")
                .tags("channel", delivery.channel(), "outcome", outcome)
                .register(registry)
                .record(took);
        if (!"PENDING".equals(status)) {
            Counter.builder("flotilla.notification.deliveries")
                    .description("Deliveries ended, by channel and outcome (succeeded, failed, skipped)")
                    .tags("channel", delivery.channel(), "outcome", status.toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
        long sinceEvent = delivery.eventCreatedAt() == null ? -1 : Duration.between(delivery.eventCreatedAt(), now).toMillis();
        if (result.outcome() == AttemptResult.Outcome.SUCCEEDED && sinceEvent >= 0) {
            Timer.builder("flotilla.notification.delivery.latency")
                    .description("From an event's creation to its successful delivery")
                    .tag("channel", delivery.channel())
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(sinceEvent, TimeUnit.MILLISECONDS);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
