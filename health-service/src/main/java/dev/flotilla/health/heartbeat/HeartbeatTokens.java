package dev.flotilla.health.heartbeat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Heartbeat tokens: random, prefixed so that a leaked one is recognised, and kept only as their SHA-256 (a token has
 * the full strength of its random bytes, so a plain digest suffices where a password would need a slow hash).
 */
public final class HeartbeatTokens {

    static final String PREFIX = "fhb_";
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private HeartbeatTokens() {
    }

    /** A new token. */
    static String next() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of {@code token}. */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code token} is the one whose hash is {@code stored}, compared in constant time. */
    static boolean matches(String token, byte[] stored) {
        return token != null && stored != null && MessageDigest.isEqual(hash(token), stored);
    }
}
