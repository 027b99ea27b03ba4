package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.Db;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventSql;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class InboxWriterTest {

    private final UUID tenant = UUID.randomUUID();

    @Inject
    Db db;

    @Inject
    InboxWriter writer;

    @Test
    void eachDistinctRecipientGetsTheEventOnceAndTheWrittenAreAnswered() {
        List<String> recipients = List.of("carol", "alice", "carol", "bob");
        Event event = InboxEvents.event(tenant, "task.dead", new JsonObject().put("task", "t-1"), recipients);

        List<String> written = new InboxEvents(db, writer).publishing(event, recipients).await().atMost(InboxEvents.WAIT);

        assertEquals(List.of("alice", "bob", "carol"), written);
        for (String recipient : written) {
            Requests.as(recipient, tenant, "member").get("/api/v1/inbox").then().statusCode(200)
                    .body("items.seq", contains(1))
                    .body("items[0].eventId", is(event.id().toString()))
                    .body("items[0].data.task", is("t-1"));
        }
    }

    @Test
    void noRecipientsWriteNothing() {
        Event event = InboxEvents.event(tenant, "task.dead", new JsonObject(), List.of());

        assertEquals(List.of(), new InboxEvents(db, writer).publishing(event, List.of()).await().atMost(InboxEvents.WAIT));
    }

    @Test
    void aPublishingTransactionThatFailsLeavesNoNotification() {
        Event event = InboxEvents.event(tenant, "task.dead", new JsonObject(), List.of("alice"));

        assertThrows(IllegalStateException.class, () -> db.tx(tx -> EventSql.insert(tx, event, null, null)
                .chain(() -> writer.deliver(tx, event, List.of("alice")))
                .chain(written -> Uni.createFrom().<Void> failure(new IllegalStateException("the publisher gave up"))))
                .await().atMost(InboxEvents.WAIT));

        Requests.as("alice", tenant, "member").get("/api/v1/inbox").then().statusCode(200).body("items", empty());
        Requests.as("alice", tenant, "member").get("/api/v1/inbox/unread-count").then().statusCode(200).body("unread", is(0));
        // The seq the rolled-back event took is free again.
        new InboxEvents(db, writer).publish(tenant, "task.dead", "alice");
        Requests.as("alice", tenant, "member").get("/api/v1/inbox").then().statusCode(200).body("items.seq", contains(1));
    }
}
