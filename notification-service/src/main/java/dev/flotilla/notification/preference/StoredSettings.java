package dev.flotilla.notification.preference;

import java.time.Instant;
import java.time.LocalTime;

/** A row of {@code user_settings}. */
record StoredSettings(String timeZone, String locale, LocalTime quietStart, LocalTime quietEnd, Instant updatedAt) {
}
