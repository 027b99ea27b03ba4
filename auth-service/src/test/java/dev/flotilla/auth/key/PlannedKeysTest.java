package dev.flotilla.auth.key;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the start-up step must create a signing key: only when the published keys plan none to sign. */
class PlannedKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static SigningKey key(Duration activatesIn, Duration expiresIn) {
        SigningKey key = new SigningKey();
        key.activatesAt = NOW.plus(activatesIn);
        key.expiresAt = expiresIn == null ? null : NOW.plus(expiresIn);
        return key;
    }

    @Test
    void noKeyAtAllNeedsOne() {
        assertFalse(KeyService.hasPlannedKeys(List.of(), NOW));
    }

    @Test
    void aSigningKeyAloneIsEnough() {
        assertTrue(KeyService.hasPlannedKeys(List.of(key(Duration.ofDays(-3), null)), NOW));
    }

    @Test
    void aSigningKeyWithItsPendingSuccessorIsEnough() {
        assertTrue(KeyService.hasPlannedKeys(
                List.of(key(Duration.ofDays(-3), Duration.ofMinutes(50)), key(Duration.ofMinutes(35), null)), NOW));
    }

    @Test
    void aRetiringKeyWithItsActivatedSuccessorIsEnough() {
        assertTrue(KeyService.hasPlannedKeys(
                List.of(key(Duration.ofDays(-3), Duration.ofMinutes(10)), key(Duration.ofMinutes(-5), null)), NOW));
    }

    @Test
    void aRetiringKeyWithoutASuccessorNeedsOne() {
        assertFalse(KeyService.hasPlannedKeys(List.of(key(Duration.ofDays(-3), Duration.ofMinutes(10))), NOW));
    }

    @Test
    void aPendingKeyWithNothingSigningUntilItActivatesNeedsOne() {
        assertFalse(KeyService.hasPlannedKeys(List.of(key(Duration.ofMinutes(35), null)), NOW));
    }
}
