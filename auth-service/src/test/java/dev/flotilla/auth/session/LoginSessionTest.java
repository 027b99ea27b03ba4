package dev.flotilla.auth.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a login session is live: until it expires or is revoked. */
class LoginSessionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static LoginSession expiringAt(Instant expiresAt) {
        LoginSession session = new LoginSession();
        session.expiresAt = expiresAt;
        return session;
    }

    @Test
    void aSessionIsLiveBeforeItExpires() {
        assertTrue(expiringAt(NOW.plusSeconds(1)).live(NOW));
    }

    @Test
    void aSessionIsNoLongerLiveAtItsExpiry() {
        assertFalse(expiringAt(NOW).live(NOW));
    }

    @Test
    void aRevokedSessionIsNotLiveEvenBeforeItExpires() {
        LoginSession session = expiringAt(NOW.plus(Duration.ofDays(30)));
        session.revokedAt = NOW.minusSeconds(60);

        assertFalse(session.live(NOW));
    }
}
