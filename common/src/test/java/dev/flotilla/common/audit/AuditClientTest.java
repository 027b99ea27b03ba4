package dev.flotilla.common.audit;

import dev.flotilla.common.notification.Peers;
import dev.flotilla.common.servicetoken.ServiceTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Recording in auth-service's audit trail over real HTTP ({@link Peers}) with the service client's token. */
@QuarkusTest
class AuditClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AuditRecord CREATED = new AuditRecord("notification.webhook-endpoint.created", "user-1", "endpoint-1",
            Map.of("url", "https://hooks.example.com/in"));

    @Inject
    AuditClient audit;

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

    private void record() {
        audit.record(Peers.TENANT, CREATED).await().atMost(WAIT);
    }

    @Test
    void anEventIsPostedAsTheContractSaysWithTheServiceTokenOfItsTenant() {
        record();
        var received = peers.audited();
        assertEquals(1, received.size());
        assertEquals(tokens.token(Peers.TENANT).await().atMost(WAIT).authorization(), received.get(0).authorization());
        assertEquals(new JsonObject("""
                {"type": "notification.webhook-endpoint.created", "actor": "user-1", "subject": "endpoint-1",
                 "detail": {"url": "https://hooks.example.com/in"}}"""), received.get(0).body());
    }

    @Test
    void anUnavailableAuditTrailIsTriedOnceMore() {
        peers.failAudits(503);
        record();
        assertEquals(2, peers.audited().size());
    }

    @Test
    void anAuditTrailStillUnavailableFailsAsUnavailable() {
        peers.failAudits(503, 503);
        var failure = assertThrows(AuditUnavailable.class, this::record);
        assertEquals(503, failure.status());
    }

    @Test
    void aRefusedEventIsNotTriedAgain() {
        peers.failAudits(422);
        var failure = assertThrows(AuditRefused.class, this::record);
        assertEquals(422, failure.status());
        assertEquals(1, peers.audited().size());
    }

    @Test
    void aRejectedTokenIsReplacedAndTheEventRecordedWithTheNewOne() {
        peers.revoke(tokens.token(Peers.TENANT).await().atMost(WAIT).authorization().substring("Bearer ".length()));
        record();
        var received = peers.audited();
        assertEquals(2, received.size());
        assertEquals(tokens.token(Peers.TENANT).await().atMost(WAIT).authorization(), received.get(1).authorization());
    }

    @Test
    void aTypeAuthServiceWouldRefuseIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> new AuditRecord("Webhook Created", "u", "s", Map.of()));
    }

    @Test
    void anOverlongActorIsCutToWhatAuthServiceKeeps() {
        var record = new AuditRecord("a.b", "x".repeat(300), null, null);
        assertEquals(AuditRecord.MAX_NAME, record.actor().length());
    }
}
