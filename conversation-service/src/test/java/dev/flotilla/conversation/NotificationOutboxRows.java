package dev.flotilla.conversation;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events this service has written to its notification outbox for a tenant and not published yet (tests do not publish
 * them).
 */
@ApplicationScoped
public class NotificationOutboxRows {

    private final Pool pool;

    NotificationOutboxRows(Pool pool) {
        this.pool = pool;
    }

    /** {@code type}, {@code subject}, {@code topic} and {@code data} of each event, oldest first. */
    public List<JsonObject> of(UUID tenant) {
        List<JsonObject> events = new ArrayList<>();
        pool.preparedQuery("select type, subject, topic, data::text as data from conversation.notification_outbox"
                + " where tenant_id = $1 order by created_at, id").execute(Tuple.of(tenant)).await()
                .atMost(Duration.ofSeconds(10))
                .forEach(row -> events.add(new JsonObject().put("type", row.getString("type"))
                        .put("subject", row.getString("subject")).put("topic", row.getString("topic"))
                        .put("data", new JsonObject(row.getString("data")))));
        return events;
    }
}
