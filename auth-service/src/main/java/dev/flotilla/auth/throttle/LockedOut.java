package dev.flotilla.auth.throttle;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

/** Too many failed logins: answered 429 with {@code Retry-After} by {@link LockedOutMapper}. */
public final class LockedOut extends ProblemException {

    private final long retryAfterSeconds;

    public LockedOut(long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_REQUESTS, "Too many failed logins; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
