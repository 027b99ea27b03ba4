package dev.flotilla.notification.delivery;

import java.time.Instant;

/**
 * What became of attempt {@link ClaimedDelivery#attempt()} of a delivery, to be recorded: the channel's result, how long
 * it took, and the delivery's status after it ({@code PENDING} again until {@code nextAttemptAt}, or ended), as of
 * {@code at}.
 */
record AttemptOutcome(ClaimedDelivery delivery, AttemptResult result, int durationMs, String status, Instant nextAttemptAt,
        Instant at) {

    /** Whether the endpoint's answer counts for its run of failures (holds and refused e-mails have no endpoint). */
    boolean judged() {
        return result.outcome() != AttemptResult.Outcome.SKIPPED && result.outcome() != AttemptResult.Outcome.HELD;
    }

    boolean failed() {
        return result.outcome() == AttemptResult.Outcome.FAILED || result.outcome() == AttemptResult.Outcome.GONE;
    }

    boolean held() {
        return result.outcome() == AttemptResult.Outcome.HELD;
    }
}
