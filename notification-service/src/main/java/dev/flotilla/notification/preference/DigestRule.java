package dev.flotilla.notification.preference;

import java.time.Instant;
import java.util.UUID;

/** A digest rule of a tenant: e-mail of the types {@code eventType} (a pattern) selects is collected for {@code window}. */
public record DigestRule(UUID id, String eventType, String window, String createdBy, Instant createdAt) {
}
