package dev.flotilla.search.db;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL failures that are answers to the client rather than faults. */
public final class SqlFailures {

    private SqlFailures() {
    }

    public static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }
}
