package dev.flotilla.auth.secret;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opaque secrets (refresh tokens, client secrets) and the SHA-256 they are stored as. */
class SecretsTest {

    @Test
    void aSecretIs32RandomBytesInBase64urlWithoutPadding() {
        assertTrue(Secrets.generate().matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void everySecretIsNew() {
        assertNotEquals(Secrets.generate(), Secrets.generate());
    }

    @Test
    void hexGivesTwoLowerCaseHexDigitsPerRandomByte() {
        assertTrue(Secrets.hex(12).matches("[0-9a-f]{24}"));
    }

    @Test
    void theStoredFormIsTheHexSha256OfTheSecret() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
    }

    @Test
    void aSecretMatchesItsStoredForm() {
        String secret = Secrets.generate();

        assertTrue(Secrets.matches(secret, Secrets.hash(secret)));
    }

    @Test
    void anotherSecretDoesNotMatch() {
        assertFalse(Secrets.matches(Secrets.generate(), Secrets.hash(Secrets.generate())));
    }
}
