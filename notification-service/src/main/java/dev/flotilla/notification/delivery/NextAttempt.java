package dev.flotilla.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What an attempt's result makes of a delivery or digest: its status, and when it is due again if still PENDING.
 * SUCCEEDED; SKIPPED; FAILED for a destination gone or a recipient refused; PENDING until {@code heldUntil} when held
 * (not counted by the schedule); after a failure, PENDING at the time the {@link RetrySchedule} gives, or FAILED after
 * the last attempt.
 */
record NextAttempt(String status, Instant at) {

    /**
     * @param scheduledAttempt the attempt's number in the schedule (holds not counted)
     */
    static NextAttempt after(AttemptResult result, int scheduledAttempt, RetrySchedule schedule, Instant now) {
        return switch (result.outcome()) {
            case SUCCEEDED -> new NextAttempt("SUCCEEDED", null);
            case SKIPPED -> new NextAttempt("SKIPPED", null);
            case GONE, REFUSED -> new NextAttempt("FAILED", null);
            case HELD -> new NextAttempt("PENDING", result.heldUntil().truncatedTo(ChronoUnit.MICROS));
            case FAILED -> {
                Duration delay = schedule.delayAfter(scheduledAttempt, result.retryAfter(),
                        ThreadLocalRandom.current()::nextDouble).orElse(null);
                yield delay == null ? new NextAttempt("FAILED", null)
                        : new NextAttempt("PENDING", now.plus(delay).truncatedTo(ChronoUnit.MICROS));
            }
        };
    }
}
