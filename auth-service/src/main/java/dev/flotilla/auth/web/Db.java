package dev.flotilla.auth.web;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

import java.util.function.Function;

/** Reads single-row answers and recognises database failures that are answers, not faults. */
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

    /** The first row of {@code rows} mapped, or null when the statement found none. */
    public static <T> T firstRow(RowSet<Row> rows, Function<Row, T> map) {
        return rows.size() == 0 ? null : map.apply(rows.iterator().next());
    }
}
