package dev.flotilla.common.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * notification-service's answer to a publish: the event's id (the first one's for a repeated
 * idempotency key), its type and how many deliveries it fanned out to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedEvent(UUID id, String type, int deliveries) {
}
