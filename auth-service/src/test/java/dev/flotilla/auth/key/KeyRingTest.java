package dev.flotilla.auth.key;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This replica's view of the published keys: which one signs, which verify, and the JWKS. */
class KeyRingTest {

    private static final KeyPair PAIR = generate();
    private static final Instant NOW = Instant.now();

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyRing.LoadedKey key(String kid, Instant activatesAt, Instant expiresAt) {
        return new KeyRing.LoadedKey(kid, (RSAPublicKey) PAIR.getPublic(), PAIR.getPrivate(), activatesAt, expiresAt);
    }

    private static KeyRing ringOf(KeyRing.LoadedKey... keys) {
        KeyRing ring = new KeyRing();
        ring.replace(List.of(keys));
        return ring;
    }

    @Test
    void withoutKeysNothingSigns() {
        assertThrows(IllegalStateException.class, () -> new KeyRing().signingKey());
    }

    @Test
    void theKeyActivatedMostRecentlySigns() {
        KeyRing ring = ringOf(key("newer", NOW.minus(Duration.ofDays(1)), null),
                key("older", NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofHours(1))));

        assertEquals("newer", ring.signingKey().kid());
    }

    @Test
    void aPendingKeyDoesNotSignYet() {
        KeyRing ring = ringOf(key("current", NOW.minus(Duration.ofDays(1)), null),
                key("pending", NOW.plus(Duration.ofMinutes(35)), null));

        assertEquals("current", ring.signingKey().kid());
    }

    @Test
    void aPendingKeyAlreadyVerifies() {
        KeyRing ring = ringOf(key("current", NOW.minus(Duration.ofDays(1)), null),
                key("pending", NOW.plus(Duration.ofMinutes(35)), null));

        assertTrue(ring.publicKey("pending").isPresent());
    }

    @Test
    void aRetiringKeyStillVerifies() {
        KeyRing ring = ringOf(key("current", NOW.minus(Duration.ofDays(1)), null),
                key("retiring", NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofMinutes(20))));

        assertTrue(ring.publicKey("retiring").isPresent());
    }

    @Test
    void anExpiredKeyNoLongerVerifies() {
        KeyRing ring = ringOf(key("current", NOW.minus(Duration.ofDays(1)), null),
                key("expired", NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofMinutes(1))));

        assertFalse(ring.publicKey("expired").isPresent());
    }

    @Test
    void anUnknownOrMissingKidHasNoKey() {
        KeyRing ring = ringOf(key("current", NOW.minus(Duration.ofDays(1)), null));

        assertFalse(ring.publicKey("unknown").isPresent() || ring.publicKey(null).isPresent());
    }

    @Test
    void keysAreListedInTheOrderTheyActivate() {
        KeyRing ring = ringOf(key("pending", NOW.plus(Duration.ofMinutes(35)), null),
                key("current", NOW.minus(Duration.ofDays(1)), null));

        assertEquals(List.of("current", "pending"), ring.keys().stream().map(KeyRing.LoadedKey::kid).toList());
    }

    @Test
    void theJwksPublishesEachKeyAsAnRs256SigningKeyWithItsKid() {
        String jwks = ringOf(key("current", NOW.minus(Duration.ofDays(1)), null)).jwks();

        assertTrue(
                jwks.contains("\"kid\":\"current\"") && jwks.contains("\"alg\":\"RS256\"") && jwks.contains("\"use\":\"sig\""),
                jwks);
    }

    @Test
    void theJwksHoldsNoPrivateHalf() {
        String jwks = ringOf(key("current", NOW.minus(Duration.ofDays(1)), null)).jwks();

        assertFalse(jwks.contains("\"d\"") || jwks.contains("\"p\"") || jwks.contains("\"q\""), jwks);
    }
}
