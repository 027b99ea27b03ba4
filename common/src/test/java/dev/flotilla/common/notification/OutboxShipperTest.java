package dev.flotilla.common.notification;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notification outbox: events written in a transaction, published by rounds of {@link OutboxShipper} to a real HTTP
 * events endpoint ({@link Peers}). The scheduled rounds are off in these tests; each test runs its rounds itself.
 */
@QuarkusTest
class OutboxShipperTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Three answers, as the client tries a publish three times before it gives up. */
    private static final Integer[] UNAVAILABLE = { 503, 503, 503 };

    @Inject
    NotificationOutbox outbox;

    @Inject
    OutboxShipper shipper;

    @Inject
    OutboxConfig config;

    @Inject
    Db db;

    @Inject
    Peers peers;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final UUID tenant = Ids.next();

    /** A row of the outbox: its id, attempts and when it is due. */
    private record Waiting(UUID id, int attempts, Instant due) {
    }

    @BeforeEach
    void healthyPeersAndAnEmptyOutbox() {
        peers.reset();
        breakers.resetAll();
        db.statement(pool -> pool.query("delete from notification_outbox").execute()).await().atMost(WAIT);
    }

    private void add(String topic) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", "i-1");
        data.put("openedAt", "2026-12-01T00:00:00Z");
        data.put("impacted", List.of("api"));
        db.tx(tx -> outbox.add(tx, tenant, "health.incident.opened", "api is down", topic, data)).await().atMost(WAIT);
    }

    private void ship() {
        shipper.ship().await().atMost(WAIT);
    }

    private List<Waiting> waiting() {
        List<Waiting> rows = new ArrayList<>();
        db.statement(pool -> pool.preparedQuery(
                "select id, attempts, next_attempt_at from notification_outbox where tenant_id = $1 order by id")
                .execute(Tuple.of(tenant))).await().atMost(WAIT)
                .forEach((Row row) -> rows.add(new Waiting(row.getUUID("id"), row.getInteger("attempts"),
                        Db.instant(row, "next_attempt_at"))));
        return rows;
    }

    private List<Peers.Received> published() {
        return peers.received().stream().filter(r -> r.body().getJsonObject("data").getString("incidentId") != null)
                .toList();
    }

    private void makeDue(UUID id) {
        db.statement(pool -> pool.preparedQuery("update notification_outbox set next_attempt_at = now() where id = $1")
                .execute(Tuple.of(id))).await().atMost(WAIT);
    }

    @Test
    void anEventIsPublishedOnceToItsTopicUnderItsRowIdAndThenDeleted() {
        add("health.checkout");
        UUID id = waiting().get(0).id();

        ship();

        List<Peers.Received> published = published();
        assertEquals(1, published.size());
        assertEquals(id.toString(), published.get(0).idempotencyKey());
        assertEquals(new JsonObject("""
                {"type": "health.incident.opened", "subject": "api is down",
                 "recipients": [{"topic": "health.checkout"}],
                 "data": {"incidentId": "i-1", "openedAt": "2026-12-01T00:00:00Z", "impacted": ["api"]},
                 "critical": false}"""), published.get(0).body());
        assertEquals(List.of("incidentId", "openedAt", "impacted"),
                List.copyOf(published.get(0).body().getJsonObject("data").fieldNames()), "the data keeps its order");
        assertTrue(waiting().isEmpty());
        ship();
        assertEquals(1, published().size(), "published once");
    }

    @Test
    void anEventWrittenInATransactionThatRollsBackIsNeverKept() {
        assertThrows(IllegalStateException.class, () -> db.tx(tx -> outbox.add(tx, tenant, "health.incident.opened",
                "api is down", "health.checkout", Map.of())
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change fails"))))
                .await().atMost(WAIT));
        assertTrue(waiting().isEmpty());
    }

    @Test
    void anEventRefusedForWhatItIsIsDropped() {
        peers.failEvents(422);
        add("health.checkout");

        ship();

        assertEquals(1, published().size());
        assertTrue(waiting().isEmpty(), "never tried again");
    }

    @Test
    void anEventNotificationServiceCannotTakeWaitsLongerAfterEachAttempt() {
        peers.failEvents(UNAVAILABLE);
        add("health.checkout");

        Instant before = Instant.now();
        ship();
        Waiting first = waiting().get(0);
        assertEquals(1, first.attempts());
        assertFalse(first.due().isBefore(before.plus(config.minBackoff())), "waits min-backoff: " + first);

        peers.failEvents(UNAVAILABLE);
        makeDue(first.id());
        Instant beforeSecond = Instant.now();
        ship();
        Waiting second = waiting().get(0);
        assertEquals(2, second.attempts());
        assertFalse(second.due().isBefore(beforeSecond.plus(config.minBackoff().multipliedBy(2))),
                "waits twice as long: " + second);

        makeDue(first.id());
        ship();
        assertTrue(waiting().isEmpty(), "published once notification-service takes it");
        assertEquals(1, published().stream().filter(r -> r.idempotencyKey().equals(first.id().toString()))
                .map(Peers.Received::idempotencyKey).distinct().count(), "every attempt under one key");
    }

    @Test
    void anEventAnotherRoundHoldsIsNotPublishedAgainMeanwhile() throws Exception {
        add("health.checkout");
        peers.hold();
        CompletableFuture<Void> first = shipper.ship().subscribeAsCompletionStage();
        await("the first round waits for a token").atMost(WAIT).until(() -> peers.heldTokenRequests() == 1);

        ship();
        assertTrue(published().isEmpty(), "the leased event is left to the round that holds it");
        assertEquals(1, waiting().get(0).attempts());

        peers.release();
        first.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(1, published().size());
        assertTrue(waiting().isEmpty());
    }
}
