package dev.flotilla.config.secret;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretCipherTest {

    private static final byte[] OLD = key(1);
    private static final byte[] NEW = key(2);
    private static final byte[] PLAIN = "\"hunter2\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HERE = "tenant\nnamespace\ndb.password\nprod".getBytes(StandardCharsets.UTF_8);

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void whatIsSealedOpensToThePlaintext() {
        SecretCipher cipher = new SecretCipher(List.of(NEW));
        Sealed sealed = cipher.seal(PLAIN, HERE);
        assertArrayEquals(PLAIN, cipher.open(sealed, HERE));
    }

    @Test
    void theCiphertextHoldsNoPlaintextAndDiffersEveryTime() {
        SecretCipher cipher = new SecretCipher(List.of(NEW));
        Sealed first = cipher.seal(PLAIN, HERE);
        Sealed second = cipher.seal(PLAIN, HERE);
        assertFalse(new String(first.bytes(), StandardCharsets.ISO_8859_1).contains("hunter2"));
        assertFalse(Arrays.equals(first.bytes(), second.bytes()), "a fresh nonce for every seal");
        assertEquals(12 + PLAIN.length + 16, first.bytes().length, "nonce, ciphertext and tag");
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        SecretCipher cipher = new SecretCipher(List.of(NEW));
        Sealed sealed = cipher.seal(PLAIN, HERE);
        for (int i = 0; i < sealed.bytes().length; i++) {
            byte[] tampered = sealed.bytes().clone();
            tampered[i] ^= 0x01;
            Sealed altered = new Sealed(sealed.keyId(), tampered);
            assertThrows(SecretUnreadable.class, () -> cipher.open(altered, HERE), "byte " + i + " altered");
        }
    }

    @Test
    void aCiphertextMovedToAnotherPlaceDoesNotOpen() {
        SecretCipher cipher = new SecretCipher(List.of(NEW));
        Sealed sealed = cipher.seal(PLAIN, HERE);
        byte[] elsewhere = "tenant\nnamespace\ndb.password\ndev".getBytes(StandardCharsets.UTF_8);
        assertThrows(SecretUnreadable.class, () -> cipher.open(sealed, elsewhere));
    }

    @Test
    void afterARotationOldSecretsStillOpenAndNewOnesUseTheNewKey() {
        Sealed underOld = new SecretCipher(List.of(OLD)).seal(PLAIN, HERE);
        SecretCipher rotated = new SecretCipher(List.of(NEW, OLD));
        assertArrayEquals(PLAIN, rotated.open(underOld, HERE));
        Sealed underNew = rotated.seal(PLAIN, HERE);
        assertEquals(rotated.currentKeyId(), underNew.keyId());
        assertNotEquals(underOld.keyId(), underNew.keyId());
        assertArrayEquals(PLAIN, new SecretCipher(List.of(NEW)).open(underNew, HERE));
    }

    @Test
    void aSecretOfAKeyNoLongerConfiguredIsUnreadableNamingTheKey() {
        Sealed underOld = new SecretCipher(List.of(OLD)).seal(PLAIN, HERE);
        SecretUnreadable failure = assertThrows(SecretUnreadable.class,
                () -> new SecretCipher(List.of(NEW)).open(underOld, HERE));
        assertEquals(true, failure.getMessage().contains(underOld.keyId()));
    }

    @Test
    void keyIdsAreStableAndRevealNothingOfTheKey() {
        assertEquals(new SecretCipher(List.of(OLD)).currentKeyId(), new SecretCipher(List.of(OLD)).currentKeyId());
        assertEquals(16, SecretCipher.id(OLD).length());
        assertFalse(SecretCipher.id(OLD).contains("0101"));
    }
}
