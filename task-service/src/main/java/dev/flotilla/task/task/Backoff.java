package dev.flotilla.task.task;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import java.time.Duration;

/**
 * Exponential back-off between attempts: the n-th retry waits
 * {@code min(max, initial * multiplier^(n-1))}, of which a random half is taken off (jitter), so that
 * tasks failed together do not come back together. {@code initial} zero retries at once.
 * Durations are ISO-8601 ({@code "PT5S"}) or seconds.
 */
public record Backoff(
        Duration initial,
        Duration max,
        @DecimalMin(value = "1.0", message = "must be at least 1.0") @DecimalMax(value = "10.0", message = "must be at most 10.0") Double multiplier) {
}
