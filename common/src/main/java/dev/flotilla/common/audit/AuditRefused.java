package dev.flotilla.common.audit;

import java.util.Set;

/**
 * auth-service refused the audit event with a 4xx other than 401, 408 and 429. {@link #aboutTheEvent()} tells an event
 * it can never accept (malformed, too large) from a refusal of the caller (no role {@code service}, a wrong URL), which
 * configuration can mend, so a caller keeps those events.
 */
public final class AuditRefused extends RuntimeException {

    private static final Set<Integer> ABOUT_THE_EVENT = Set.of(400, 409, 413, 415, 422);

    private final int status;

    AuditRefused(int status) {
        super("auth-service refused the audit event (HTTP " + status + ")", null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Whether the event itself is refused (400, 409, 413, 415, 422): sending it again is refused again. */
    public boolean aboutTheEvent() {
        return ABOUT_THE_EVENT.contains(status);
    }
}
