package dev.flotilla.policy.policy;

import io.vertx.pgclient.PgException;

/** Recognises database failures that are answers to the client rather than faults. */
public final class Failures {

    private Failures() {
    }

    /** Whether {@code failure} (or a cause) is a unique-constraint violation. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
