package dev.flotilla.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint as stored, secrets included: never answered as it is (see {@link EndpointView}). */
public record Endpoint(UUID id, UUID tenant, String url, String description, List<String> eventTypes, String secret,
        String previousSecret, Instant previousSecretExpiresAt, boolean enabled, String disabledReason, Instant failingSince,
        String createdBy, Instant createdAt, Instant updatedAt, int version) {
}
