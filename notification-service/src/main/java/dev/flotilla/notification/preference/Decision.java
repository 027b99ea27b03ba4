package dev.flotilla.notification.preference;

import java.time.Instant;

/**
 * What to do with one notification for one recipient on one channel: send it now, hold it until
 * {@code heldUntil} (the end of the recipient's quiet hours), or skip it (the recipient turned the
 * channel off for the event's type). {@code reason} says why it is held or skipped; {@code locale}
 * is the recipient's (BCP 47, null when they chose none), for the templates.
 */
public record Decision(Outcome outcome, Instant heldUntil, String reason, String locale) {

    public enum Outcome {
        SEND,
        HOLD,
        SKIP
    }

    public static Decision send(String locale) {
        return new Decision(Outcome.SEND, null, null, locale);
    }

    public static Decision hold(Instant until, String locale) {
        return new Decision(Outcome.HOLD, until, "quiet hours of the recipient until " + until, locale);
    }

    public static Decision skip(String reason, String locale) {
        return new Decision(Outcome.SKIP, null, reason, locale);
    }

    public boolean sendsNow() {
        return outcome == Outcome.SEND;
    }
}
