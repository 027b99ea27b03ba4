package dev.flotilla.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook endpoint the worker disabled (it answered 410, or every delivery to it failed for
 * {@code flotilla.delivery.disable-after}): what its owner should be told.
 */
public record EndpointDisabled(UUID tenant, UUID endpointId, String url, String reason, String createdBy, Instant at) {
}
