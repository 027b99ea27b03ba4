package dev.flotilla.auth.web;

/** Recognises database failures that are answers, not faults. */
public final class Db {

    private Db() {
    }

    /** Whether {@code failure} was caused by a unique constraint (SQLSTATE 23505), e.g. two concurrent creates. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
