package dev.flotilla.common.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.work.OutboxShipping;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Publishes the service's notification outbox ({@link NotificationOutbox}) to notification-service with
 * {@link NotificationClient}, as the service for each event's tenant ({@link OutboxShipping}): each event is leased,
 * published to its topic, and deleted once accepted. Its idempotency key is the row's id, so an event published again
 * after a lost answer notifies once. One notification-service cannot take now (down, slow, no service token yet)
 * waits, doubling from {@code min-backoff} up to {@code max-backoff}, as does one refused for a reason configuration
 * can mend (403, 404); one refused for what it is ({@link NotificationRefused#aboutTheEvent()}) is dropped with a
 * warning. It runs only where {@code flotilla.notification-outbox.ship-interval} is set (see {@link OutboxConfig}).
 */
@ApplicationScoped
public class OutboxShipper {

    private static final Logger LOG = Logger.getLogger(OutboxShipper.class);
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };

    private final NotificationClient notifications;
    private final OutboxConfig config;
    private final ObjectMapper json;
    private final OutboxShipping<NotificationOutboxSql.Pending> shipping;

    OutboxShipper(Db db, NotificationOutboxSql sql, NotificationClient notifications, OutboxConfig config,
            DatabaseOutage outage, ObjectMapper json, Instance<Clock> clock) {
        this.notifications = notifications;
        this.config = config;
        this.json = json;
        this.shipping = new OutboxShipping<>(db, sql.outbox(), NotificationOutboxSql::pending, outage,
                clock.isResolvable() ? clock.get() : Clock.systemUTC(), LOG, "Notification events",
                "notification-service");
    }

    @Scheduled(every = "${flotilla.notification-outbox.ship-interval:off}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> ship() {
        return shipping.round(config,
                pending -> notifications.publish(pending.tenant(), event(pending), pending.id().toString()),
                OutboxShipper::neverAccepted);
    }

    private NotificationEvent event(NotificationOutboxSql.Pending pending) {
        try {
            return NotificationEvent.of(pending.type(), pending.subject(), List.of(Recipient.topic(pending.topic())),
                    json.readValue(pending.data(), DATA));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The database answered an event whose data is not JSON", e);
        }
    }

    private static boolean neverAccepted(Throwable failure) {
        return failure instanceof NotificationRefused refused && refused.aboutTheEvent();
    }
}
