package dev.flotilla.notification.email;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens of one-click unsubscribe links (RFC 8058): who (tenant, user) no longer wants which
 * event type by e-mail, signed with HMAC-SHA256 so that a link cannot be forged or altered. A link
 * needs no session: having received the e-mail is the proof.
 */
public final class UnsubscribeTokens {

    /** What a valid token asks for. */
    public record Unsubscribe(UUID tenant, String user, String eventType) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 1024;

    private final SecretKeySpec key;

    public UnsubscribeTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String issue(UUID tenant, String user, String eventType) {
        String payload = ENCODER.encodeToString((tenant + "\n" + user + "\n" + eventType).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** What {@code token} asks for, if this service signed it. */
    public Optional<Unsubscribe> verify(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(mac(payload), DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
            return parts.length == 3 ? Optional.of(new Unsubscribe(UUID.fromString(parts[0]), parts[1], parts[2]))
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
