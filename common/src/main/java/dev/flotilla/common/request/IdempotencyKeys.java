package dev.flotilla.common.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.error.BadRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code Idempotency-Key} on the POSTs that start asynchronous work (design brief §3): a repeat
 * with the same request answers the first result ({@code Idempotent-Replayed: true}); the same key
 * with another request is a 409. The request's fingerprint tells the two apart.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {
    }

    /** The key, stripped; null when none was given; a 400 naming {@code field} when it is too long. */
    public static String normalize(String field, String given) {
        String key = given == null || given.isBlank() ? null : given.strip();
        if (key != null && key.length() > MAX_LENGTH) {
            throw new BadRequest(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return key;
    }

    /** A SHA-256 digest (hex) of the request as JSON. */
    public static String fingerprint(ObjectMapper json, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
