package dev.flotilla.notification.publish;

import java.time.Instant;
import java.util.UUID;

/** The answer to a publish: the event and how many deliveries it fanned out to. */
public record PublishedEvent(UUID id, String type, String subject, boolean critical, Instant createdAt,
        int deliveryCount) {
}
