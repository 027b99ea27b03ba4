package dev.flotilla.config.ofrep;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flotilla.common.crypto.KeyMaterial;
import dev.flotilla.config.flag.FlagEnvironments;
import dev.flotilla.config.flag.FlagsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The {@code channel} of an event-stream address: which environment's changes it follows, signed
 * (HMAC-SHA256). A browser's EventSource cannot send headers, so the address itself must say who may
 * listen; what it grants is only to hear that an environment changed, never a flag's value.
 */
@ApplicationScoped
public class StreamTokens {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Cache<OfrepScope, String> issued = Caffeine.newBuilder().executor(Runnable::run).maximumSize(10_000).build();

    public StreamTokens(FlagsConfig config) {
        this.key = new SecretKeySpec(KeyMaterial.load(config.streamKey(), Path.of(config.streamKeyFile()),
                "FLOTILLA_FLAGS_STREAM_KEY"), "HmacSHA256");
    }

    String issue(OfrepScope scope) {
        return issued.get(scope, s -> {
            byte[] subject = subject(s);
            return ENCODER.encodeToString(subject) + "." + ENCODER.encodeToString(mac(subject));
        });
    }

    /** The scope {@code token} was issued for, or null when it is not one of ours. */
    OfrepScope verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0 || token.length() > 512) {
            return null;
        }
        try {
            byte[] subject = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(subject))) {
                return null;
            }
            String[] parts = new String(subject, StandardCharsets.UTF_8).split("/", -1);
            if (parts.length != 2 || !FlagEnvironments.isName(parts[1])) {
                return null;
            }
            return new OfrepScope(UUID.fromString(parts[0]), parts[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] subject(OfrepScope scope) {
        return (scope.tenant() + "/" + scope.environment()).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] mac(byte[] subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(subject), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
