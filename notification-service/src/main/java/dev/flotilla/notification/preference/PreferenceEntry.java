package dev.flotilla.notification.preference;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One choice in {@code PUT /api/v1/preferences}: {@code channel} on or off for the types {@code eventType} selects. */
public record PreferenceEntry(
        @NotNull @Size(max = 20) String channel,
        @NotNull @Size(max = 128) String eventType,
        @NotNull Boolean enabled) {
}
