package dev.flotilla.health.history;

import dev.flotilla.common.error.BadRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The span and step of a history request: {@code from} (inclusive, moved back to the start of its step) to {@code to}
 * (exclusive), by default the last day by the hour; at most {@link #MAX_POINTS} points.
 */
public record HistoryQuery(Instant from, Instant to, Step step) {

    /** The most points one answer holds (a minute for a day and an hour, an hour for two months). */
    public static final int MAX_POINTS = 1500;

    static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The query of the parameters as given (each may be null), or a 400 naming the one that is wrong. */
    public static HistoryQuery of(String from, String to, String step, Instant now) {
        Step width = absent(step) ? Step.HOUR : Step.parse(step.trim());
        if (width == null) {
            throw new BadRequest("step", "must be one of " + Step.known());
        }
        Instant end = absent(to) ? now : instant("to", to);
        Instant start = absent(from) ? end.minus(DEFAULT_SPAN) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new BadRequest("from", "must be before to");
        }
        return bounded(start, end, width);
    }

    private static HistoryQuery bounded(Instant start, Instant end, Step width) {
        long millis = width.length.toMillis();
        Instant aligned = Instant.ofEpochMilli(Math.floorDiv(start.toEpochMilli(), millis) * millis);
        long points = (end.toEpochMilli() - aligned.toEpochMilli() + millis - 1) / millis;
        if (points > MAX_POINTS) {
            throw new BadRequest("step", "gives " + points + " points from " + start + " to " + end + ", more than "
                    + MAX_POINTS + ": choose a longer step or a shorter span");
        }
        return new HistoryQuery(aligned, end, width);
    }

    private static boolean absent(String parameter) {
        return parameter == null || parameter.isBlank();
    }

    private static Instant instant(String name, String text) {
        Instant at;
        try {
            at = Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, "must be an instant in ISO-8601 with its offset, such as 2026-01-31T12:00:00Z");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new BadRequest(name, "must be between the years 1 and 9999");
        }
        return at;
    }
}
