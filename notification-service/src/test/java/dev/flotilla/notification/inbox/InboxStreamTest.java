package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventSql;
import dev.flotilla.notification.inbox.InboxSseClient.Message;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboxStreamTest {

    private static final Pattern OPEN_STREAMS = Pattern.compile("(?m)^flotilla_notification_inbox_streams(\\{[^}]*})? (\\S+)$");

    /** The service's LISTEN connection, as PostgreSQL lists it. */
    private static final String LISTENING = "datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'";

    private final UUID tenant = UUID.randomUUID();

    @TestHTTPResource("/api/v1/inbox/stream")
    URI stream;

    @Inject
    Db db;

    @Inject
    InboxWriter writer;

    @Inject
    Pool pool;

    private InboxEvents events;

    private OffsetDateTime databaseNow() {
        return pool.query("select clock_timestamp()").execute().await().atMost(InboxEvents.WAIT).iterator().next()
                .getOffsetDateTime(0);
    }

    @BeforeEach
    void events() {
        events = new InboxEvents(db, writer);
    }

    private InboxSseClient open(String user, String lastEventId) {
        return InboxSseClient.open(stream, TestTokens.user(user, tenant, "member"), lastEventId);
    }

    private static List<Long> seqs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static void unreadCountIs(Message message, String id, int unread) {
        assertEquals(InboxStreamEvent.UNREAD_COUNT, message.event(), "the event, " + message);
        assertEquals(id, message.id(), "the position of " + message);
        assertEquals(new JsonObject().put("unread", unread), message.json());
    }

    private static double openStreams() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = OPEN_STREAMS.matcher(metrics);
        assertTrue(sample.find(), "no flotilla_notification_inbox_streams sample");
        return Double.parseDouble(sample.group(2));
    }

    @Test
    void aNewNotificationReachesAnOpenStream() {
        try (InboxSseClient client = open("alice", null)) {
            unreadCountIs(client.nextEvent(), "0", 0);

            Event event = events.publish(tenant, "task.failed", "alice");

            Message notification = client.nextEvent(InboxStreamEvent.NOTIFICATION);
            assertEquals("1", notification.id());
            JsonObject item = notification.json();
            assertEquals(1, item.getLong("seq"));
            assertEquals(event.id().toString(), item.getString("eventId"));
            assertEquals("task.failed", item.getString("type"));
            assertEquals(event.data(), item.getJsonObject("data"));
            unreadCountIs(client.nextEvent(), "1", 1);
        }
    }

    @Test
    void aNotificationWhoseAnnouncementWasNeverSentReachesTheStreamWhenAReplicaStarts() {
        try (InboxSseClient client = open("alice", null)) {
            unreadCountIs(client.nextEvent(), "0", 0);
            Event event = InboxEvents.event(tenant, "task.failed", new JsonObject(), List.of("alice"));
            // As a replica that stopped between the commit and its announcement leaves it: written, never announced.
            db.tx(tx -> EventSql.insert(tx, event, null, null)
                    .chain(() -> InboxSql.deliver(tx, event, List.of("alice"), List.of(Ids.next()))))
                    .await().atMost(InboxEvents.WAIT);

            pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(InboxSql.CHANNEL, InboxStreams.EVERYONE))
                    .await().atMost(InboxEvents.WAIT);

            assertEquals(List.of(1L), client.notificationsUpTo(1));
        }
    }

    @Test
    void aStreamOpenedWithoutAnIdStartsAtTheNewestNotification() {
        events.publish(3, tenant, "task.failed", "alice");

        try (InboxSseClient client = open("alice", null)) {
            unreadCountIs(client.nextEvent(), "3", 3);
            events.publish(tenant, "task.failed", "alice");
            assertEquals(List.of(4L), client.notificationsUpTo(4));
        }
    }

    @Test
    void aResumedStreamSendsExactlyTheNotificationsMissedWhileDisconnected() {
        try (InboxSseClient client = open("alice", null)) {
            client.nextEvent(InboxStreamEvent.UNREAD_COUNT);
            events.publish(2, tenant, "task.failed", "alice");
            assertEquals(seqs(1, 2), client.notificationsUpTo(2));
        }
        // More than one batch of the stream's reads (five in tests) arrives while no one listens.
        events.publish(12, tenant, "task.failed", "alice");

        try (InboxSseClient client = open("alice", "2")) {
            assertEquals(seqs(3, 14), client.notificationsUpTo(14));
            unreadCountIs(client.nextEvent(), "14", 14);
            // Whatever came in between the resumed ones and this new one would be a duplicate.
            events.publish(tenant, "task.failed", "alice");
            assertEquals(List.of(15L), client.notificationsUpTo(15));
        }
    }

    @Test
    void aResumedStreamLeavesOutNotificationsDeletedMeanwhile() {
        events.publish(4, tenant, "task.failed", "alice");
        String third = Requests.as("alice", tenant, "member").get("/api/v1/inbox").then().statusCode(200).extract()
                .path("items.find { it.seq == 3 }.id");
        Requests.as("alice", tenant, "member").delete("/api/v1/inbox/" + third).then().statusCode(204);

        try (InboxSseClient client = open("alice", "1")) {
            assertEquals(List.of(2L, 4L), client.notificationsUpTo(4));
            unreadCountIs(client.nextEvent(), "4", 3);
        }
    }

    @Test
    void theQueryResumesLikeLastEventIdAndTheHeaderWinsOverIt() {
        events.publish(3, tenant, "task.failed", "alice");
        String token = TestTokens.user("alice", tenant, "member");

        try (InboxSseClient client = InboxSseClient.open(URI.create(stream + "?lastEventId=1"), token, null)) {
            assertEquals(seqs(2, 3), client.notificationsUpTo(3));
        }
        // A reconnecting EventSource sends the header; the URL still names where it first started.
        try (InboxSseClient client = InboxSseClient.open(URI.create(stream + "?lastEventId=1"), token, "2")) {
            assertEquals(List.of(3L), client.notificationsUpTo(3));
        }
    }

    @Test
    void changesOfTheUnreadCountReachTheStream() {
        events.publish(2, tenant, "task.failed", "alice");
        String first = Requests.as("alice", tenant, "member").get("/api/v1/inbox").then().statusCode(200).extract()
                .path("items.find { it.seq == 1 }.id");

        try (InboxSseClient client = open("alice", null)) {
            unreadCountIs(client.nextEvent(), "2", 2);
            Requests.as("alice", tenant, "member").post("/api/v1/inbox/" + first + "/read").then().statusCode(204);
            unreadCountIs(client.nextEvent(), "2", 1);
            Requests.as("alice", tenant, "member").post("/api/v1/inbox/read-all").then().statusCode(204);
            unreadCountIs(client.nextEvent(), "2", 0);
        }
    }

    @Test
    void aQuietStreamSendsKeepAliveComments() {
        try (InboxSseClient client = open("alice", null)) {
            client.nextEvent(InboxStreamEvent.UNREAD_COUNT);
            Message next = client.next();
            assertEquals("keep-alive", next.comment(), "the first message of a quiet stream, " + next);
        }
    }

    @Test
    void notificationsOfOtherRecipientsNeverReachTheStream() {
        try (InboxSseClient client = open("alice", null)) {
            client.nextEvent(InboxStreamEvent.UNREAD_COUNT);
            events.publish(tenant, "task.failed", "bob");
            events.publish(UUID.randomUUID(), "task.failed", "alice");
            Event mine = events.publish(tenant, "task.failed", "alice");

            Message next = client.nextEvent();
            assertEquals(InboxStreamEvent.NOTIFICATION, next.event(), "the first event after the count, " + next);
            assertEquals(mine.id().toString(), next.json().getString("eventId"));
        }
    }

    @Test
    void concurrentEventsToOneRecipientTakeGapFreeSeqsThatTheStreamSendsOnceEach() {
        int count = 40;
        try (InboxSseClient client = open("busy", null)) {
            client.nextEvent(InboxStreamEvent.UNREAD_COUNT);
            List<Uni<List<String>>> publishing = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // Half the events name the two recipients the other way round.
                List<String> recipients = i % 2 == 0 ? List.of("busy", "peer") : List.of("peer", "busy");
                Event event = InboxEvents.event(tenant, "task.failed", new JsonObject().put("i", i), recipients);
                publishing.add(events.publishing(event, recipients));
            }
            List<List<String>> written = Uni.join().all(publishing).andFailFast().await().atMost(InboxEvents.WAIT);
            written.forEach(recipients -> assertEquals(List.of("busy", "peer"), recipients));

            for (String recipient : List.of("busy", "peer")) {
                List<Integer> stored = Requests.as(recipient, tenant, "member").get("/api/v1/inbox?limit=500").then()
                        .statusCode(200).extract().path("items.seq");
                assertEquals(LongStream.rangeClosed(1, count).map(seq -> count + 1 - seq).boxed().toList(),
                        stored.stream().map(Integer::longValue).toList(), "the seqs of " + recipient);
            }
            assertEquals(seqs(1, count), client.notificationsUpTo(count));
            events.publish(tenant, "task.failed", "busy");
            assertEquals(List.of(count + 1L), client.notificationsUpTo(count + 1));
        }
    }

    @Test
    void aStreamReadsAgainWhenTheListenConnectionComesBack() {
        try (InboxSseClient client = open("alice", null)) {
            client.nextEvent(InboxStreamEvent.UNREAD_COUNT);
            long terminated = pool.query("select pg_terminate_backend(pid) from pg_stat_activity where " + LISTENING)
                    .execute().await().atMost(InboxEvents.WAIT).size();
            assertTrue(terminated > 0, "no LISTEN connection found");

            events.publish(tenant, "task.failed", "alice");
            OffsetDateTime published = databaseNow();

            assertEquals(List.of(1L), client.notificationsUpTo(1));
            // The notification was announced before the replica listened again, so the stream found it by reading again.
            OffsetDateTime listeningSince = pool.query("select min(backend_start) from pg_stat_activity where " + LISTENING)
                    .execute().await().atMost(InboxEvents.WAIT).iterator().next().getOffsetDateTime(0);
            assertTrue(listeningSince != null && listeningSince.isAfter(published),
                    "listening again since " + listeningSince + ", before the notification of " + published);
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() {
        // Expired a moment ago, but within the clock skew allowed: accepted, and already past its time.
        String token = TestTokens.expiredSecondsAgo(5, tenant, "member");
        try (InboxSseClient client = InboxSseClient.open(stream, token, null)) {
            client.nextEvent(InboxStreamEvent.UNREAD_COUNT);
            client.awaitEnd();
        }
    }

    @Test
    void aStreamIsCountedWhileOpenAndNoLongerOnceItsClientLeaves() {
        await("streams of earlier tests closed").atMost(InboxEvents.WAIT).until(() -> openStreams() == 0);
        InboxSseClient client = open("alice", null);
        try {
            client.nextEvent(InboxStreamEvent.UNREAD_COUNT);
            assertEquals(1, openStreams());
        } finally {
            client.close();
        }
        await("the stream closed").atMost(InboxEvents.WAIT).until(() -> openStreams() == 0);
    }
}
