package dev.flotilla.notification.preference;

import dev.flotilla.common.error.BadRequest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Digest windows: for how long e-mail of an event type is collected per recipient before it goes
 * as one message. A tenant's rules map event type patterns to windows; the most specific pattern
 * that selects a type gives its window, and a type no rule selects is sent one message per event.
 */
public final class DigestWindows {

    public static final Duration MIN = Duration.ofMinutes(1);
    public static final Duration MAX = Duration.ofDays(7);

    private DigestWindows() {
    }

    /** The window for {@code type} under {@code rules} (pattern → window), if any selects it. */
    public static Optional<Duration> windowFor(String type, Map<String, Duration> rules) {
        return Optional.ofNullable(PreferenceRules.decidingPattern(rules, type)).map(rules::get);
    }

    /** An ISO-8601 duration of whole seconds between {@link #MIN} and {@link #MAX}, or a 400 naming {@code field}. */
    static Duration parse(String field, String text) {
        Duration window;
        try {
            window = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(field, "must be an ISO-8601 duration such as PT10M");
        }
        if (window.getNano() != 0 || window.compareTo(MIN) < 0 || window.compareTo(MAX) > 0) {
            throw new BadRequest(field, "must be whole seconds from " + MIN + " to " + MAX);
        }
        return window;
    }
}
