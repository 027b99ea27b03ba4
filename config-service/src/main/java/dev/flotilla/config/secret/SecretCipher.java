package dev.flotilla.config.secret;

import dev.flotilla.common.crypto.KeyMaterial;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AES-256-GCM under a ring of master keys: the first seals, every one opens what it sealed, found by the key id stored
 * with the ciphertext, so a key can be replaced while secrets sealed under the old one stay readable. Each seal takes a
 * fresh random 12-byte nonce; the associated data binds a ciphertext to the place it belongs to, so one copied
 * elsewhere fails to open.
 */
public final class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** {@code keys}: 32 bytes each, the current key first. */
    public SecretCipher(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a cipher needs a current key");
        }
        for (byte[] key : keys) {
            if (key.length != KeyMaterial.BYTES) {
                throw new IllegalArgumentException("a master key has " + KeyMaterial.BYTES + " bytes");
            }
            this.keys.putIfAbsent(id(key), new SecretKeySpec(key, "AES"));
        }
        this.currentId = id(keys.get(0));
    }

    /** The id of the key new secrets are sealed with. */
    public String currentKeyId() {
        return currentId;
    }

    public Sealed seal(byte[] plain, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new Sealed(currentId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext of {@code sealed}; fails when its key is not in the ring or it does not authenticate. */
    public byte[] open(Sealed sealed, byte[] associatedData) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new SecretUnreadable("A secret is sealed under master key " + sealed.keyId()
                    + ", which is not configured (add it to the previous master keys)", null);
        }
        if (sealed.bytes().length < NONCE_BYTES) {
            throw new SecretUnreadable("A stored secret is truncated", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadable("A stored secret does not authenticate under master key " + sealed.keyId(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** A short fingerprint of a key, stored next to what it sealed; it reveals nothing of the key. */
    static String id(byte[] key) {
        byte[] tagged = new byte[key.length + 1];
        tagged[0] = 'c';
        System.arraycopy(key, 0, tagged, 1, key.length);
        return HexFormat.of().formatHex(KeyMaterial.sha256(tagged), 0, 8);
    }
}
