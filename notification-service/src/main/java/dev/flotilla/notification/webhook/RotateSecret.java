package dev.flotilla.notification.webhook;

import java.time.Duration;

/**
 * The optional body of {@code POST /api/v1/webhook-endpoints/{id}/rotate-secret}: how long the old secret keeps
 * signing beside the new one (ISO-8601, e.g. {@code PT24H}; {@code PT0S} ends it at once; configured default when
 * absent).
 */
public record RotateSecret(Duration overlap) {
}
