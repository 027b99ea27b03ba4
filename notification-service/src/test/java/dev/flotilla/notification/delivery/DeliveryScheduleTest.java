package dev.flotilla.notification.delivery;

import dev.flotilla.common.db.Db;
import dev.flotilla.notification.DeliveryTestClock;
import dev.flotilla.notification.WebhookApi;
import dev.flotilla.notification.WebhookReceiver;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static dev.flotilla.notification.WebhookApi.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker in time: the retry schedule driven by the service's clock, and leases that outlive their worker. */
@QuarkusTest
class DeliveryScheduleTest {

    /** Svix's delays between attempts, after the immediate first one. */
    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    /** The time between an attempt's end and its recording, within which a delay is counted from. */
    private static final Duration RECORDING = Duration.ofSeconds(1);

    @Inject
    Db db;

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookChannel webhooks;

    @Inject
    DeliveryConfig config;

    @Inject
    DeliveryTestClock clock;

    private final WebhookApi api = new WebhookApi();
    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        clock.reset();
    }

    private JsonPath attempted(UUID endpoint, Event event, int attempts) {
        JsonPath[] delivery = new JsonPath[1];
        await().atMost(WAIT).until(() -> {
            delivery[0] = api.delivery(endpoint, event.id());
            return delivery[0] != null && delivery[0].getInt("attempts") >= attempts
                    && delivery[0].get("attemptLog[" + (attempts - 1) + "].durationMs") != null;
        });
        return delivery[0];
    }

    @Test
    void retriesFollowTheScheduleWithJitterUntilTheDeliveryFails() {
        // The attempts' timestamps follow the service's clock, hours ahead of the reference verifier's.
        receiver.ignoreTimestamps();
        receiver.answer(500);
        WebhookApi.Created endpoint = api.create(receiver.url("/failing"));
        receiver.trust(endpoint.secret());
        Event event = api.publish(db, deliveries, clock, "task.failed", new JsonObject().put("n", 1));
        JsonPath delivery = attempted(endpoint.id(), event, 1);
        for (int attempt = 2; attempt <= 8; attempt++) {
            Duration planned = DELAYS.get(attempt - 2);
            String previous = "attemptLog[" + (attempt - 2) + "]";
            Instant failed = Instant.parse(delivery.getString(previous + ".startedAt"))
                    .plusMillis(delivery.getInt(previous + ".durationMs"));
            // Read again until the recorded plan shows (a read may still see the claim's lease); a second send would
            // still fail the count of requests below.
            JsonPath[] recorded = { delivery };
            await().atMost(WAIT).until(() -> {
                recorded[0] = api.delivery(endpoint.id(), event.id());
                return Duration.between(failed, Instant.parse(recorded[0].getString("nextAttemptAt")))
                        .compareTo(scaled(DELAYS.get(recorded[0].getInt("attempts") - 1), 0.9)) >= 0;
            });
            delivery = recorded[0];
            Instant next = Instant.parse(delivery.getString("nextAttemptAt"));
            Duration delay = Duration.between(failed, next);
            assertTrue(delay.compareTo(scaled(planned, 0.9)) >= 0 && delay.compareTo(scaled(planned, 1.1).plus(RECORDING)) <= 0,
                    "attempt " + attempt + " planned " + delay + " after the failure, for " + planned + " ± 10%");
            assertEquals("PENDING", delivery.getString("status"));

            clock.set(next);
            delivery = attempted(endpoint.id(), event, attempt);
            Instant started = Instant.parse(delivery.getString("attemptLog[" + (attempt - 1) + "].startedAt"));
            assertFalse(started.isBefore(next), "attempt " + attempt + " started " + started + ", before " + next);
            assertTrue(started.isBefore(next.plus(WAIT)), "attempt " + attempt + " started " + started);
        }
        assertEquals("FAILED", delivery.getString("status"));
        assertNull(delivery.get("nextAttemptAt"));
        List<WebhookReceiver.Received> requests = receiver.received(event.id().toString());
        assertEquals(8, requests.size());
        assertTrue(requests.stream().allMatch(WebhookReceiver.Received::verified), "every attempt is signed");
        assertEquals(8, requests.stream().map(request -> request.header("webhook-timestamp")).distinct().count());
    }

    @Test
    void aWorkerThatDiesMidDeliveryLosesNothingAndTheReceiverProcessesTheEventOnce() {
        WebhookApi.Created endpoint = api.create(receiver.url("/once"));
        receiver.trust(endpoint.secret());
        Event event = new Event(UUID.randomUUID(), api.tenant, "task.failed", null, new JsonObject().put("n", 2), false,
                new JsonArray(), "publisher", clock.instant().truncatedTo(ChronoUnit.MICROS));
        // A worker claims the delivery in the transaction that writes it, so no other can; it sends and dies before
        // recording anything.
        List<ClaimedDelivery> claimed = db.tx(tx -> EventSql.insert(tx, event, null, null)
                .chain(() -> deliveries.fanOutToWebhooks(tx, event))
                .chain(() -> DeliverySql.claim(tx, clock.instant(), 100, List.of(WebhookChannel.CHANNEL),
                        clock.instant().plus(config.lease()))))
                .await().atMost(WAIT);
        ClaimedDelivery ours = claimed.stream().filter(delivery -> delivery.eventId().equals(event.id())).findFirst()
                .orElseThrow();
        AttemptResult sent = webhooks.send(ours).await().atMost(WAIT);
        assertEquals(AttemptResult.Outcome.SUCCEEDED, sent.outcome());
        assertEquals(1, receiver.timesProcessed(event.id().toString()));
        JsonPath held = api.delivery(endpoint.id(), event.id());
        assertEquals("PENDING", held.getString("status"));
        assertEquals(1, held.getInt("attempts"));

        clock.advance(config.lease().plusSeconds(1));
        JsonPath delivered = attempted(endpoint.id(), event, 2);
        assertEquals("SUCCEEDED", delivered.getString("status"));
        assertTrue(delivered.getString("attemptLog[0].error").startsWith("no outcome was recorded"),
                delivered.getString("attemptLog[0].error"));
        assertEquals(200, delivered.getInt("attemptLog[1].responseStatus"));
        assertEquals(2, receiver.received(event.id().toString()).size());
        assertEquals(1, receiver.timesProcessed(event.id().toString()));
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofMillis(Math.round(duration.toMillis() * factor));
    }
}
