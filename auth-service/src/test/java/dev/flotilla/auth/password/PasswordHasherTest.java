package dev.flotilla.auth.password;

import dev.flotilla.auth.config.TestAuthConfig;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argon2id hashes in the PHC string format, and their verification. */
class PasswordHasherTest {

    private static Vertx vertx;
    private static PasswordHasher hasher;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        hasher = new PasswordHasher(TestAuthConfig.defaults(), vertx);
    }

    @AfterAll
    static void stop() {
        hasher.close();
        vertx.closeAndAwait();
    }

    @Test
    void aHashNamesItsAlgorithmAndCostInThePhcFormat() {
        assertTrue(hasher.hashNow("a-long-enough-passphrase").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    @Test
    void aPasswordMatchesItsHash() {
        assertTrue(hasher.verifyNow("a-long-enough-passphrase", hasher.hashNow("a-long-enough-passphrase")));
    }

    @Test
    void anotherPasswordDoesNotMatch() {
        assertFalse(hasher.verifyNow("another-passphrase", hasher.hashNow("a-long-enough-passphrase")));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertNotEquals(hasher.hashNow("a-long-enough-passphrase"), hasher.hashNow("a-long-enough-passphrase"));
    }

    @Test
    void aHashMadeWithOtherCostsStillVerifies() {
        PasswordHasher cheaper = new PasswordHasher(TestAuthConfig.with(Map.of(
                "flotilla.auth.passwords.argon2-memory-kib", "8192", "flotilla.auth.passwords.argon2-iterations", "1")), vertx);
        try {
            assertTrue(hasher.verifyNow("a-long-enough-passphrase", cheaper.hashNow("a-long-enough-passphrase")));
        } finally {
            cheaper.close();
        }
    }

    @Test
    void aHashOfAnotherAlgorithmNeverMatches() {
        String argon2i = hasher.hashNow("a-long-enough-passphrase").replace("$argon2id$", "$argon2i$");

        assertFalse(hasher.verifyNow("a-long-enough-passphrase", argon2i));
    }

    @Test
    void withoutAStoredHashNothingMatches() {
        assertFalse(hasher.verify("a-long-enough-passphrase", null).await().indefinitely());
    }

    @Test
    void theWorkerPoolVerifiesAMatchingPassword() {
        String stored = hasher.hash("a-long-enough-passphrase").await().indefinitely();

        assertTrue(hasher.verify("a-long-enough-passphrase", stored).await().indefinitely());
    }

    @Test
    void aPasswordWithALoneSurrogateMatchesNothing() {
        // Encoded as UTF-8 by the JDK, the lone surrogate would become '?', and match this hash.
        String stored = hasher.hashNow("?-a-long-enough-passphrase");

        assertFalse(hasher.verify("\uD800-a-long-enough-passphrase", stored).await().indefinitely());
        assertTrue(hasher.verify("?-a-long-enough-passphrase", stored).await().indefinitely());
    }
}
