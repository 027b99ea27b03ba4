package dev.flotilla.notification.preference;

import dev.flotilla.notification.event.EventTypes;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Whether and when a notification goes to a recipient, from their preferences and settings.
 * A preference names an event type pattern; of those that select the event's type, the most
 * specific decides (the type itself, then the longest prefix wildcard, then {@code *}), and with
 * none the channel is on. Critical events bypass preferences and quiet hours. Quiet hours hold
 * e-mail until they end; the inbox and webhooks are never held.
 */
public final class PreferenceRules {

    private PreferenceRules() {
    }

    /** The most specific of {@code patterns} that selects {@code type}, or null when none does. */
    public static String decidingPattern(Map<String, ?> byPattern, String type) {
        for (String pattern : EventTypes.patternsSelecting(type)) {
            if (byPattern.containsKey(pattern)) {
                return pattern;
            }
        }
        return null;
    }

    /** Whether {@code type} is on, given one user's choices for one channel (pattern → on/off). */
    public static boolean enabled(Map<String, Boolean> byPattern, String type) {
        String pattern = decidingPattern(byPattern, type);
        return pattern == null || byPattern.get(pattern);
    }

    /**
     * The decision for one recipient: {@code byPattern} holds their choices for {@code channel}
     * (pattern → on/off), {@code settings} their quiet hours and locale.
     */
    public static Decision decide(Map<String, Boolean> byPattern, UserSettings settings, String type, String channel,
            boolean critical, Instant now) {
        String locale = settings.locale();
        if (critical) {
            return Decision.send(locale);
        }
        String pattern = decidingPattern(byPattern, type);
        if (pattern != null && !byPattern.get(pattern)) {
            return Decision.skip("the recipient turned " + channel + " off for " + pattern, locale);
        }
        if (settings.quietHours() != null && Channels.heldByQuietHours(channel)) {
            Optional<Instant> end = settings.quietHours().endOf(now);
            if (end.isPresent()) {
                return Decision.hold(end.get(), locale);
            }
        }
        return Decision.send(locale);
    }
}
