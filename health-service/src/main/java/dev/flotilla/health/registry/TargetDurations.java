package dev.flotilla.health.registry;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A target's interval and timeout as written: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601. */
final class TargetDurations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private TargetDurations() {
    }

    /** The duration {@code text} spells, or null when it spells none. */
    static Duration parse(String text) {
        String trimmed = text.strip();
        Matcher shortForm = SHORT.matcher(trimmed);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
