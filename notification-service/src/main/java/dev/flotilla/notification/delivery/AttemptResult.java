package dev.flotilla.notification.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What one attempt came to: the outcome, and what the other side answered (status, a bounded excerpt of the body) or
 * why there was no answer ({@code error}). A failure may carry the wait the receiver asked for ({@code Retry-After});
 * a held delivery the time it is due again ({@code heldUntil}).
 */
public record AttemptResult(Outcome outcome, Integer responseStatus, String responseExcerpt, String error,
        Duration retryAfter, Instant heldUntil) {

    public enum Outcome {
        /** Delivered. */
        SUCCEEDED,
        /** Not delivered this time; attempted again by the retry schedule. */
        FAILED,
        /** The destination is gone for good (a webhook's 410): no more attempts, and it is disabled. */
        GONE,
        /** Not attempted: the destination is disabled or no longer exists, or the recipient turned the channel off. */
        SKIPPED,
        /** Cannot be delivered to this recipient (an e-mail recipient without an address): no more attempts. */
        REFUSED,
        /** Not sent yet: held until {@code heldUntil} (the recipient's quiet hours), without counting against the schedule. */
        HELD
    }

    public static AttemptResult succeeded(int status, String excerpt) {
        return new AttemptResult(Outcome.SUCCEEDED, status, excerpt, null, null, null);
    }

    public static AttemptResult failed(Integer status, String excerpt, String error, Duration retryAfter) {
        return new AttemptResult(Outcome.FAILED, status, excerpt, error, retryAfter, null);
    }

    /** A failure without an answer (refused, unreachable, timed out). */
    public static AttemptResult failed(String error) {
        return failed(null, null, error, null);
    }

    public static AttemptResult gone(int status, String excerpt, String error) {
        return new AttemptResult(Outcome.GONE, status, excerpt, error, null, null);
    }

    public static AttemptResult skipped(String reason) {
        return new AttemptResult(Outcome.SKIPPED, null, null, reason, null, null);
    }

    /** Sent, by a channel without a response status of its own (e-mail handed to the SMTP server). */
    public static AttemptResult delivered(String note) {
        return new AttemptResult(Outcome.SUCCEEDED, null, note, null, null, null);
    }

    public static AttemptResult refused(String reason) {
        return new AttemptResult(Outcome.REFUSED, null, null, reason, null, null);
    }

    public static AttemptResult held(Instant until, String reason) {
        return new AttemptResult(Outcome.HELD, null, null, reason, null, until);
    }
}
