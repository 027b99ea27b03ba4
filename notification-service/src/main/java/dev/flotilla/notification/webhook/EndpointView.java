package dev.flotilla.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook endpoint as answered. {@code secret} is present only in the answers of a create and of a rotation, the one
 * time it is shown; {@code previousSecretExpiresAt} while a rotated-out secret still signs deliveries too.
 */
public record EndpointView(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
        String disabledReason, Instant failingSince, @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Instant previousSecretExpiresAt, String createdBy, Instant createdAt, Instant updatedAt) {

    static EndpointView of(Endpoint endpoint, Instant now, String secret) {
        Instant overlap = endpoint.previousSecret() != null && endpoint.previousSecretExpiresAt() != null
                && now.isBefore(endpoint.previousSecretExpiresAt()) ? endpoint.previousSecretExpiresAt() : null;
        return new EndpointView(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
                endpoint.enabled(), endpoint.disabledReason(), endpoint.failingSince(), secret, overlap,
                endpoint.createdBy(), endpoint.createdAt(), endpoint.updatedAt());
    }
}
