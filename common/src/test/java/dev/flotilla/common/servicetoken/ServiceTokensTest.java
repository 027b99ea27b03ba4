package dev.flotilla.common.servicetoken;

import dev.flotilla.common.notification.Peers;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service client's tokens, obtained from a real HTTP token endpoint ({@link Peers}). */
@QuarkusTest
class ServiceTokensTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ServiceTokens tokens;

    @Inject
    Peers peers;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void noTokenHeldAndNothingCounted() {
        peers.reset();
        breakers.resetAll();
        tokens.invalidate(Peers.TENANT, token());
        peers.reset();
    }

    private ServiceToken token() {
        return tokens.token(Peers.TENANT).await().atMost(WAIT);
    }

    @Test
    void aTokenIsAskedForOnceAndReusedWhileFresh() {
        ServiceToken first = token();
        assertEquals(first, token());
        assertEquals(first, token());
        assertEquals(1, peers.tokenRequests());
    }

    @Test
    void theTokenActsInTheServiceClientsTenantAndNeverShowsItsText() {
        ServiceToken token = token();
        assertEquals(Peers.TENANT, token.tenant());
        assertTrue(token.authorization().startsWith("Bearer ey"));
        assertFalse(token.toString().contains(token.accessToken()));
    }

    @Test
    void callersThatNeedATokenAtOnceShareOneRequest() {
        peers.hold();
        List<CompletableFuture<ServiceToken>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(tokens.token(Peers.TENANT).subscribeAsCompletionStage());
        }
        await().atMost(WAIT).until(() -> peers.heldTokenRequests() == 1);
        peers.release();
        List<ServiceToken> answers = callers.stream().map(CompletableFuture::join).toList();
        assertEquals(1, new HashSet<>(answers).size(), "every caller got the same token");
        assertEquals(1, peers.tokenRequests());
    }

    @Test
    void aTokenIsReplacedShortlyBeforeItExpires() {
        peers.tokensExpireIn(1);
        ServiceToken first = token();
        // Fresh for nine tenths of its second; after that the next caller gets another.
        await().atMost(WAIT).until(() -> !token().equals(first));
        assertEquals(2, peers.tokenRequests());
    }

    @Test
    void aCallWhoseTokenIsRejectedIsMadeOnceMoreWithANewToken() {
        List<ServiceToken> presented = new ArrayList<>();
        String answer = tokens.authorized(Peers.TENANT, token -> {
            presented.add(token);
            return presented.size() == 1 ? Uni.createFrom().failure(new TokenRejected("the callee"))
                    : Uni.createFrom().item("accepted");
        }).await().atMost(WAIT);
        assertEquals("accepted", answer);
        assertEquals(2, presented.size());
        assertNotEquals(presented.get(0), presented.get(1));
        assertEquals(2, peers.tokenRequests());
        assertEquals(presented.get(1), token(), "the new token is the one held");
    }

    @Test
    void aSecondRejectionIsTheCallersFailure() {
        AtomicInteger calls = new AtomicInteger();
        Uni<String> rejected = tokens.authorized(Peers.TENANT, token -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new TokenRejected("the callee"));
        });
        assertThrows(TokenRejected.class, () -> rejected.await().atMost(WAIT));
        assertEquals(2, calls.get());
    }

    @Test
    void refusedCredentialsFailClearlyWithoutAskingAgain() {
        peers.failTokenRequests(401);
        ServiceTokenRefused refused = assertThrows(ServiceTokenRefused.class, this::token);
        assertEquals(401, refused.status());
        assertTrue(refused.getMessage().contains("invalid_client"), refused.getMessage());
        assertTrue(refused.getMessage().contains("FLOTILLA_SERVICE_CLIENT_SECRET"), refused.getMessage());
        assertEquals(1, peers.tokenRequests());
    }

    @Test
    void anAuthServiceFailingForAMomentIsAskedAgain() {
        peers.failTokenRequests(503, 502);
        assertEquals(Peers.TENANT, token().tenant());
        assertEquals(3, peers.tokenRequests());
    }

    @Test
    void anAuthServiceThatStaysDownFailsTheCallersAfterBoundedRetries() {
        peers.failTokenRequests(503, 503, 503, 503, 503);
        CompletionException down = assertThrows(CompletionException.class,
                () -> tokens.token(Peers.TENANT).subscribeAsCompletionStage().join());
        assertFalse(down.getCause() instanceof ServiceTokenRefused);
        assertEquals(3, peers.tokenRequests());
        peers.reset();
        assertEquals(Peers.TENANT, token().tenant(), "the next caller asks again");
    }
}
