package dev.flotilla.health.condition;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One side of a condition once resolved against an observation: its text, and the number or the duration
 * (in milliseconds) the text reads as, if any. An absent value (a path the body lacks, a status a TCP check
 * never saw) carries why instead, and fails every comparison.
 */
record Value(String text, BigDecimal number, BigDecimal durationMs, String absence) {

    // A bounded exponent keeps comparisons cheap whatever a body holds.
    private static final Pattern NUMBER = Pattern
            .compile("[+-]?(?:\\d{1,60}(?:\\.\\d{0,60})?|\\.\\d{1,60})(?:[eE][+-]?\\d{1,3})?");

    static Value of(String text) {
        return new Value(text, parseNumber(text), Durations.millis(text), null);
    }

    static Value of(Duration duration) {
        BigDecimal millis = Durations.millis(duration);
        return new Value(Durations.format(duration), millis, millis, null);
    }

    static Value absent(String why) {
        return new Value(null, null, null, why);
    }

    boolean isAbsent() {
        return absence != null;
    }

    /** What an ordering compares: the number, else the duration in milliseconds; null when neither. */
    BigDecimal magnitude() {
        return number != null ? number : durationMs;
    }

    /**
     * Equality as Gatus has it: numbers numerically ({@code 200} is {@code 200.0}), durations by length
     * ({@code 1h} is {@code 60m}), anything else as exact text.
     */
    boolean sameAs(Value other) {
        if (number != null && other.number != null) {
            return number.compareTo(other.number) == 0;
        }
        if (durationMs != null && other.durationMs != null) {
            return durationMs.compareTo(other.durationMs) == 0;
        }
        return text.equals(other.text);
    }

    /** The number {@code text} spells in decimal notation, or null. */
    static BigDecimal parseNumber(String text) {
        return NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
    }
}
