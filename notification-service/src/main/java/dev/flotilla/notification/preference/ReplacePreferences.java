package dev.flotilla.notification.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code PUT /api/v1/preferences}: every choice of the user, replacing those stored. */
public record ReplacePreferences(
        @NotNull @Size(max = PreferenceService.MAX_PREFERENCES) List<@NotNull @Valid PreferenceEntry> preferences) {
}
