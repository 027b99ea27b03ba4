package dev.flotilla.health.history;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The width of a history point, and the rollup level it is read from. */
public enum Step {
    MINUTE("1m", Duration.ofMinutes(1), Level.MINUTE),
    HOUR("1h", Duration.ofHours(1), Level.HOUR),
    DAY("1d", Duration.ofDays(1), Level.HOUR);

    final String text;
    final Duration length;
    final Level level;

    Step(String text, Duration length, Level level) {
        this.text = text;
        this.length = length;
        this.level = level;
    }

    /** The step written as {@code text}, or null. */
    static Step parse(String text) {
        return Arrays.stream(values()).filter(step -> step.text.equals(text)).findFirst().orElse(null);
    }

    static String known() {
        return Arrays.stream(values()).map(step -> step.text).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return text;
    }
}
