package dev.flotilla.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where and how a delivery is sent: the endpoint's URL, whether it is enabled, and its secrets (a rotated-out one
 * signs too until its overlap ends).
 */
public record WebhookTarget(UUID endpointId, String url, boolean enabled, String secret, String previousSecret,
        Instant previousSecretExpiresAt) {

    /** The secrets that sign a delivery sent at {@code now}: the current one, then the previous one while it overlaps. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }
}
