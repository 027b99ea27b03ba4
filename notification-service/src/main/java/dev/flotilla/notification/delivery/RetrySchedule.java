package dev.flotilla.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is attempted again. {@code delays} holds, for each attempt, its delay after the failure of the
 * one before (the first, unused, is the first attempt's own: immediate); each delay is varied at random by up to
 * {@code jitter} of it either way. A receiver that asks for more time with {@code Retry-After} gets it, up to
 * {@code maxRetryAfter}, but never sooner than the schedule's own delay.
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final Duration maxRetryAfter;

    public RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one attempt");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be at least 0 and less than 1");
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** How many attempts a delivery gets. */
    public int attempts() {
        return delays.size();
    }

    /**
     * The wait before the attempt after attempt {@code attempt} (counted from 1) failed; empty when it was the last.
     *
     * @param retryAfter what the receiver asked for, or null
     * @param random uniform in [0, 1)
     */
    public Optional<Duration> delayAfter(int attempt, Duration retryAfter, DoubleSupplier random) {
        if (attempt >= delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attempt);
        long millis = Math.round(base.toMillis() * (1 + jitter * (2 * random.getAsDouble() - 1)));
        Duration delay = Duration.ofMillis(Math.max(0, millis));
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return Optional.of(delay);
    }
}
