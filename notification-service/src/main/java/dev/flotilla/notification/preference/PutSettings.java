package dev.flotilla.notification.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/preferences/settings}, replacing the stored settings: an IANA
 * {@code timeZone} (needed with quiet hours), a BCP 47 {@code locale} for templates, and quiet
 * hours (absent or null: none).
 */
public record PutSettings(
        @Size(max = 64) String timeZone,
        @Size(max = 35) String locale,
        @Valid QuietWindow quietHours) {
}
