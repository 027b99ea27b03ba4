package dev.flotilla.common.audit;

/**
 * auth-service refused the audit event with a 4xx other than 401, 408 and 429 (a malformed event, or a caller without
 * the role {@code service}): recording it again is refused again.
 */
public final class AuditRefused extends RuntimeException {

    private final int status;

    AuditRefused(int status) {
        super("auth-service refused the audit event (HTTP " + status + ")", null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
