package dev.flotilla.notification.preference;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/v1/preferences/{channel}/{eventType}}. */
public record SetPreference(@NotNull Boolean enabled) {
}
