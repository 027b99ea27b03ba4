package dev.flotilla.notification.preference;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The digest window an event's e-mail falls in: the rule that collects it ({@code ruleId}, its {@code pattern}) and the
 * window of the rule's length that holds the event's time, from {@code start} (inclusive) to {@code end}.
 */
public record DigestWindow(UUID ruleId, String pattern, Instant start, Instant end) {

    /** The window of {@code length} holding {@code at}, aligned on the epoch, so every replica names the same one. */
    public static DigestWindow of(UUID ruleId, String pattern, Duration length, Instant at) {
        long seconds = length.getSeconds();
        if (seconds <= 0 || length.getNano() != 0) {
            throw new IllegalArgumentException("a digest window is a positive number of whole seconds: " + length);
        }
        Instant start = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
        return new DigestWindow(ruleId, pattern, start, start.plus(length));
    }
}
