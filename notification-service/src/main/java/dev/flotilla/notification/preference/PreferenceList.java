package dev.flotilla.notification.preference;

import java.util.List;

/** A user's choices, by channel and pattern; whatever no choice selects is on. */
public record PreferenceList(String userId, List<Preference> preferences) {
}
