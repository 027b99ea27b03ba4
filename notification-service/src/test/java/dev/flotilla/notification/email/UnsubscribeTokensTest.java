package dev.flotilla.notification.email;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnsubscribeTokensTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens(new byte[32]);
    private final UUID tenant = UUID.randomUUID();

    @Test
    void aTokenSaysWhoUnsubscribesFromWhat() {
        String token = tokens.issue(tenant, "ada", "task.failed");
        assertEquals(Optional.of(new UnsubscribeTokens.Unsubscribe(tenant, "ada", "task.failed")), tokens.verify(token));
    }

    @Test
    void anAlteredTokenIsRefused() {
        String token = tokens.issue(tenant, "ada", "task.failed");
        String other = tokens.issue(tenant, "grace", "task.failed");
        String forged = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
        assertTrue(tokens.verify(forged).isEmpty());
        assertTrue(tokens.verify(token + "x").isEmpty());
        assertTrue(tokens.verify("no-dot").isEmpty());
        assertTrue(tokens.verify("%%%.%%%").isEmpty());
    }

    @Test
    void aTokenOfAnotherKeyIsRefused() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        String token = new UnsubscribeTokens(otherKey).issue(tenant, "ada", "task.failed");
        assertTrue(tokens.verify(token).isEmpty());
    }
}
