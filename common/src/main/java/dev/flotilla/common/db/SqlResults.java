package dev.flotilla.common.db;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgException;

import java.util.function.Function;

/**
 * For statements run straight on the reactive pool: reads single-row answers and recognises
 * database failures that are answers to the client (a duplicate name), not faults.
 */
public final class SqlResults {

    private SqlResults() {
    }

    /**
     * Whether {@code failure} or one of its causes is a unique-constraint violation (SQLSTATE 23505), e.g. two concurrent
     * creates.
     */
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

    /** The first row of {@code rows} mapped, or null when the statement found none. */
    public static <T> T firstRow(RowSet<Row> rows, Function<Row, T> map) {
        return rows.size() == 0 ? null : map.apply(rows.iterator().next());
    }
}
