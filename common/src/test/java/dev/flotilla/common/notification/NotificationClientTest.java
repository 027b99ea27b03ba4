package dev.flotilla.common.notification;

import dev.flotilla.common.servicetoken.ServiceToken;
import dev.flotilla.common.servicetoken.ServiceTokens;
import dev.flotilla.common.servicetoken.TenantMismatch;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing to a real HTTP events endpoint ({@link Peers}) with the service client's token. */
@QuarkusTest
class NotificationClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    NotificationClient notifications;

    @Inject
    ServiceTokens tokens;

    @Inject
    Peers peers;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void healthyPeersAndNothingCounted() {
        peers.reset();
        breakers.resetAll();
    }

    private static NotificationEvent failed(String task) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task);
        data.put("attempt", 3);
        data.put("details", Map.of("error", "out of memory"));
        return NotificationEvent.of("task.failed", "Task \"report\" failed",
                List.of(Recipient.user("user-1"), Recipient.email("ops@example.com"), Recipient.topic("workflow.w1")), data);
    }

    private PublishedEvent publish(NotificationEvent event, String key) {
        return notifications.publish(Peers.TENANT, event, key).await().atMost(WAIT);
    }

    @Test
    void anEventIsPostedAsTheContractSaysWithTheServiceTokenAndTheKey() {
        PublishedEvent published = publish(failed("t1"), "key-payload");
        assertNotNull(published.id());
        assertEquals("task.failed", published.type());
        assertEquals(3, published.deliveries());
        List<Peers.Received> received = peers.received();
        assertEquals(1, received.size());
        Peers.Received request = received.get(0);
        assertEquals("key-payload", request.idempotencyKey());
        assertEquals(tokens.token(Peers.TENANT).await().atMost(WAIT).authorization(), request.authorization());
        assertTrue(request.contentType().startsWith("application/json"), request.contentType());
        assertEquals(new JsonObject("""
                {"type": "task.failed", "subject": "Task \\"report\\" failed",
                 "recipients": [{"userId": "user-1"}, {"email": "ops@example.com"}, {"topic": "workflow.w1"}],
                 "data": {"taskId": "t1", "attempt": 3, "details": {"error": "out of memory"}},
                 "critical": false}"""), request.body());
    }

    @Test
    void anEventWithoutASubjectLeavesTheFieldOut() {
        publish(NotificationEvent.of("workflow.completed", null, List.of(Recipient.topic("workflow.w2")), null), "key-bare");
        JsonObject body = peers.received().get(0).body();
        assertEquals(new JsonObject("""
                {"type": "workflow.completed", "recipients": [{"topic": "workflow.w2"}], "data": {}, "critical": false}"""),
                body);
    }

    @Test
    void anUnavailableNotificationServiceIsTriedAgainWithTheSameRequest() {
        peers.failEvents(503, 500);
        PublishedEvent published = publish(failed("t2"), "key-retried");
        List<Peers.Received> received = peers.received();
        assertEquals(3, received.size());
        for (Peers.Received attempt : received) {
            assertEquals("key-retried", attempt.idempotencyKey());
            assertEquals(received.get(0).body(), attempt.body());
        }
        assertEquals(published.id(), publish(failed("t2"), "key-retried").id(), "a repeat answers the first event");
    }

    @Test
    void aNotificationServiceThatStaysDownFailsAfterBoundedRetries() {
        peers.failEvents(503, 503, 503, 503, 503);
        NotificationUnavailable down = assertThrows(NotificationUnavailable.class, () -> publish(failed("t3"), "key-down"));
        assertEquals(503, down.status());
        assertEquals(3, peers.received().size());
    }

    @Test
    void aRefusedEventIsNotTriedAgain() {
        peers.failEvents(422);
        NotificationRefused refused = assertThrows(NotificationRefused.class, () -> publish(failed("t4"), "key-refused"));
        assertEquals(422, refused.status());
        assertTrue(refused.aboutTheEvent());
        assertEquals("recipients[0]: must name one recipient", refused.detail());
        assertEquals(1, peers.received().size());
    }

    @Test
    void aForbiddenPublisherIsRefusedButNotForTheEventsSake() {
        peers.failEvents(403);
        NotificationRefused refused = assertThrows(NotificationRefused.class, () -> publish(failed("t5"), "key-forbidden"));
        assertEquals(403, refused.status());
        assertTrue(!refused.aboutTheEvent());
        assertEquals(1, peers.received().size());
    }

    @Test
    void aRejectedTokenIsReplacedAndTheEventPublishedWithTheNewOne() {
        ServiceToken old = tokens.token(Peers.TENANT).await().atMost(WAIT);
        peers.revoke(old.accessToken());
        int asked = peers.tokenRequests();
        publish(failed("t6"), "key-new-token");
        List<Peers.Received> received = peers.received();
        assertEquals(2, received.size());
        assertEquals(old.authorization(), received.get(0).authorization());
        assertNotEquals(old.authorization(), received.get(1).authorization());
        assertEquals(asked + 1, peers.tokenRequests());
    }

    @Test
    void anEventIsPublishedWithATokenActingForItsTenant() {
        UUID other = UUID.randomUUID();
        notifications.publish(other, failed("t7"), "key-other").await().atMost(WAIT);
        String token = peers.received().get(0).authorization().substring("Bearer ".length());
        assertEquals(other, ServiceTokens.tenantOf(token));
    }

    @Test
    void aTokenForAnotherTenantThanAskedIsNeverUsed() {
        peers.ignoreScope();
        UUID other = UUID.randomUUID();
        TenantMismatch mismatch = assertThrows(TenantMismatch.class,
                () -> notifications.publish(other, failed("t8"), "key-mismatch").await().atMost(WAIT));
        assertEquals(Peers.TENANT, mismatch.served());
        assertEquals(other, mismatch.wanted());
        assertTrue(peers.received().isEmpty());
    }
}
