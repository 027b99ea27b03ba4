package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventSql;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events published into inboxes as the publishing transaction does it: the event written with
 * {@link EventSql#insert} and delivered with {@link InboxWriter#deliver} in one transaction.
 */
final class InboxEvents {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final Db db;
    private final InboxWriter writer;

    InboxEvents(Db db, InboxWriter writer) {
        this.db = db;
        this.writer = writer;
    }

    static Event event(UUID tenant, String type, JsonObject data, List<String> recipients) {
        JsonArray named = new JsonArray();
        recipients.forEach(recipient -> named.add(new JsonObject().put("userId", recipient)));
        return new Event(Ids.next(), tenant, type, "subject-of-" + type, data, false, named, "publisher", Instant.now());
    }

    /** The transaction that publishes {@code event} to the inboxes of {@code recipients}, not yet run. */
    Uni<List<String>> publishing(Event event, List<String> recipients) {
        return db.tx(tx -> EventSql.insert(tx, event, null, null).chain(() -> writer.deliver(tx, event, recipients)));
    }

    /** Publishes an event of {@code type} to {@code recipients} of {@code tenant}; answers the event. */
    Event publish(UUID tenant, String type, String... recipients) {
        Event event = event(tenant, type, new JsonObject().put("type", type).put("n", Ids.next().toString()),
                List.of(recipients));
        publishing(event, List.of(recipients)).await().atMost(WAIT);
        return event;
    }

    /** Publishes {@code count} events of {@code type} to {@code recipient}, one after another. */
    void publish(int count, UUID tenant, String type, String recipient) {
        for (int i = 0; i < count; i++) {
            publish(tenant, type, recipient);
        }
    }
}
