package dev.flotilla.notification.preference;

import java.time.Instant;

/** A user's notification settings; every field is null until set ({@code updatedAt} too). */
public record SettingsView(String userId, String timeZone, String locale, QuietWindow quietHours, Instant updatedAt) {
}
