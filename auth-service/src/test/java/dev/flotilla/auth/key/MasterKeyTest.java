package dev.flotilla.auth.key;

import dev.flotilla.auth.config.TestAuthConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The key that seals the private halves of the signing keys in the database. */
class MasterKeyTest {

    private static final byte[] PLAIN = "a private key".getBytes(StandardCharsets.UTF_8);

    private static MasterKey withKey(String text) {
        return new MasterKey(TestAuthConfig.with(Map.of("flotilla.auth.master-key", text)));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void whatIsSealedOpensWithTheSameAssociatedData() {
        MasterKey master = withKey(randomKey());

        assertArrayEquals(PLAIN, master.decrypt(master.encrypt(PLAIN, "kid-1"), "kid-1"));
    }

    @Test
    void theSameDataIsSealedDifferentlyEachTime() {
        MasterKey master = withKey(randomKey());

        assertFalse(Arrays.equals(master.encrypt(PLAIN, "kid-1"), master.encrypt(PLAIN, "kid-1")));
    }

    @Test
    void whatIsSealedForOneKidDoesNotOpenForAnother() {
        MasterKey master = withKey(randomKey());

        assertThrows(IllegalStateException.class, () -> master.decrypt(master.encrypt(PLAIN, "kid-1"), "kid-2"));
    }

    @Test
    void anotherMasterKeyCannotOpenIt() {
        byte[] sealed = withKey(randomKey()).encrypt(PLAIN, "kid-1");

        assertThrows(IllegalStateException.class, () -> withKey(randomKey()).decrypt(sealed, "kid-1"));
    }

    @Test
    void replicasWithTheSameKeyShareItsId() {
        String key = randomKey();

        assertEquals(withKey(key).id(), withKey(key).id());
    }

    @Test
    void differentKeysHaveDifferentIds() {
        assertNotEquals(withKey(randomKey()).id(), withKey(randomKey()).id());
    }

    @Test
    void aPassphraseIsStretchedIntoAKey() {
        MasterKey master = withKey("correct horse battery staple");

        assertArrayEquals(PLAIN, withKey("correct horse battery staple").decrypt(master.encrypt(PLAIN, "kid-1"), "kid-1"));
    }

    @Test
    void withoutAConfiguredKeyADevelopmentKeyIsGeneratedOnceAndReused(@TempDir Path home) {
        Map<String, String> settings = Map.of("flotilla.auth.master-key-file", home.resolve("keys/auth-master.key").toString());
        MasterKey first = new MasterKey(TestAuthConfig.with(settings));

        MasterKey second = new MasterKey(TestAuthConfig.with(settings));

        assertArrayEquals(PLAIN, second.decrypt(first.encrypt(PLAIN, "kid-1"), "kid-1"));
    }

    @Test
    void theDevelopmentKeyFileIsReadableByItsOwnerOnly(@TempDir Path home) throws Exception {
        Path file = home.resolve("auth-master.key");

        new MasterKey(TestAuthConfig.with(Map.of("flotilla.auth.master-key-file", file.toString())));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
