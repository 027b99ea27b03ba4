package dev.flotilla.health.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.notification.NotificationClient;
import dev.flotilla.common.notification.NotificationEvent;
import dev.flotilla.common.notification.NotificationRefused;
import dev.flotilla.common.notification.Recipient;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the outbox's alerts to notification-service ({@link NotificationClient}, as this service for each alert's
 * tenant), oldest first and one at a time: each is leased, published to its topic, and deleted once accepted. Its
 * idempotency key is the row's id, so an alert published again after a lost answer notifies once. One
 * notification-service cannot take now (down, slow, no service token yet) waits, doubling from {@code min-backoff} up
 * to {@code max-backoff}, as does one refused for a reason configuration can mend (403, 404); one refused for what it
 * is (400, 409, 413, 415, 422) is dropped with a warning, as it never would be accepted.
 */
@ApplicationScoped
public class AlertShipper {

    private static final Logger LOG = Logger.getLogger(AlertShipper.class);
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };

    private final Db db;
    private final NotificationClient notifications;
    private final AlertConfig config;
    private final DatabaseOutage outage;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile boolean waiting;

    AlertShipper(Db db, NotificationClient notifications, AlertConfig config, DatabaseOutage outage, ObjectMapper json,
            Clock clock) {
        this.db = db;
        this.notifications = notifications;
        this.config = config;
        this.outage = outage;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(every = "${flotilla.health.alerts.ship-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> ship() {
        Instant now = clock.instant();
        return db.statement(pool -> AlertSql.claim(pool, now, config.batch(), now.plus(config.lease())))
                .onItem().transformToMulti(pending -> Multi.createFrom().iterable(pending))
                .onItem().transformToUni(this::send).concatenate()
                .collect().asList()
                .invoke(this::reportWaiting)
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure,
                        "Publishing incident alerts to notification-service failed"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes one alert; answers whether it has to wait for another attempt. */
    private Uni<Boolean> send(AlertSql.Pending pending) {
        return Uni.createFrom().item(() -> event(pending))
                .chain(event -> notifications.publish(pending.tenant(), event, pending.id().toString()))
                .chain(() -> db.statement(pool -> AlertSql.delete(pool, pending.id())))
                .replaceWith(false)
                .onFailure(AlertShipper::neverAccepted).call(refused -> {
                    LOG.warnf("notification-service refused %s alert %s (topic %s): %s; it is dropped", pending.type(),
                            pending.id(), pending.topic(), refused.getMessage());
                    return db.statement(pool -> AlertSql.delete(pool, pending.id()));
                })
                .onFailure(AlertShipper::neverAccepted).recoverWithItem(false)
                .onFailure().call(failure -> {
                    LOG.debugf("%s alert %s waits: %s", pending.type(), pending.id(), failure.getMessage());
                    return db.statement(pool -> AlertSql.postpone(pool, pending.id(),
                            clock.instant().plus(backoff(pending.attempts()))));
                })
                .onFailure().recoverWithItem(true);
    }

    private NotificationEvent event(AlertSql.Pending pending) {
        Map<String, Object> data;
        try {
            data = json.readValue(pending.data(), DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The database answered an alert that is not JSON", e);
        }
        return NotificationEvent.of(pending.type(), pending.subject(), List.of(Recipient.topic(pending.topic())), data);
    }

    private static boolean neverAccepted(Throwable failure) {
        return failure instanceof NotificationRefused refused && refused.aboutTheEvent();
    }

    /** One WARN when alerts start to wait, one INFO when they flow again. */
    private void reportWaiting(List<Boolean> results) {
        long waiting = results.stream().filter(Boolean::booleanValue).count();
        if (waiting > 0 && !this.waiting) {
            LOG.warnf("%d incident alert(s) could not be published to notification-service; they are kept and"
                    + " published again with back-off", waiting);
        } else if (waiting == 0 && this.waiting && !results.isEmpty()) {
            LOG.info("Incident alerts reach notification-service again");
        }
        if (!results.isEmpty()) {
            this.waiting = waiting > 0;
        }
    }

    /** {@code min-backoff} after the first failed attempt, doubling, at most {@code max-backoff}. */
    private Duration backoff(int attempts) {
        Duration wait = config.minBackoff().multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
