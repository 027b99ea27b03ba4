package dev.flotilla.common.audit;

/** auth-service could not take the audit event now (a 5xx, 408 or 429): worth another attempt later. */
public final class AuditUnavailable extends RuntimeException {

    private final int status;

    AuditUnavailable(int status) {
        super("auth-service's audit trail is unavailable (HTTP " + status + ")", null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
