package dev.flotilla.auth.key;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.common.crypto.KeyMaterial;
import jakarta.enterprise.context.ApplicationScoped;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that encrypts the private halves of the signing keys kept in the database (AES-256-GCM,
 * the key id as associated data), so that every replica can sign while a database dump alone
 * reveals no private key. It comes from {@code flotilla.auth.master-key}; without it (local runs)
 * a random development key is generated once into a file outside the repository's tracked files
 * and reused on later starts.
 */
@ApplicationScoped
public class MasterKey {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String id;
    private final SecureRandom random = new SecureRandom();

    public MasterKey(AuthConfig config) {
        byte[] material = KeyMaterial.load(config.masterKey(), Path.of(config.masterKeyFile()),
                "flotilla.auth.master-key (FLOTILLA_AUTH_MASTER_KEY)");
        this.key = new SecretKeySpec(material, "AES");
        this.id = fingerprint(material);
    }

    /** A short fingerprint stored next to what this key encrypted, so a wrong master key is named as such. */
    public String id() {
        return id;
    }

    public byte[] encrypt(byte[] plain, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public byte[] decrypt(byte[] sealed, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A signing key could not be decrypted with the configured master key", e);
        }
    }

    private static String fingerprint(byte[] material) {
        byte[] tagged = new byte[material.length + 1];
        System.arraycopy(material, 0, tagged, 1, material.length);
        return HexFormat.of().formatHex(KeyMaterial.sha256(tagged), 0, 8);
    }
}
