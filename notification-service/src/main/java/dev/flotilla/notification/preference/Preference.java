package dev.flotilla.notification.preference;

import java.time.Instant;

/** One choice of a user: {@code channel} on or off for the event types {@code eventType} (a pattern) selects. */
public record Preference(String channel, String eventType, boolean enabled, Instant updatedAt) {
}
