package dev.flotilla.common.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a service writes the events it publishes to notification-service: into the outbox of its own schema, inside
 * the transaction of the change they announce, so an event is published exactly when, and only when, its change
 * commits; {@link OutboxShipper} publishes it on. Time is the service's {@link Clock} when it has one, else the
 * system's.
 */
@ApplicationScoped
public class NotificationOutbox {

    private final NotificationOutboxSql sql;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationOutbox(NotificationOutboxSql sql, ObjectMapper json, Instance<Clock> clock) {
        this.sql = sql;
        this.json = json;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
    }

    /**
     * Writes an event of {@code type} ({@code health.incident.opened}) for {@code tenant}, with an optional
     * {@code subject}, to the subscribers of {@code topic}. {@code data} keeps its order; nothing secret goes in it.
     * An event notification-service could never take as it is (no type, no topic) fails here, with the change.
     */
    public Uni<Void> add(SqlConnection tx, UUID tenant, String type, String subject, String topic,
            Map<String, Object> data) {
        NotificationEvent event = NotificationEvent.of(type, subject, List.of(Recipient.topic(topic)), data);
        Instant now = clock.instant();
        return sql.insert(tx, Ids.next(), tenant, event.type(), event.subject(), topic, encoded(event.data()), now);
    }

    private String encoded(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event's data could not be written as JSON", e);
        }
    }
}
