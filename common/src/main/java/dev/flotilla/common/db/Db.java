package dev.flotilla.common.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Transactions over the reactive pool for the services whose state changes are written by a few
 * precise SQL statements ({@code FOR UPDATE SKIP LOCKED}, {@code UPDATE ... RETURNING}) in one
 * transaction: task-service's queue, notification-service's deliveries. A transaction that PostgreSQL aborts as a
 * deadlock victim or serialization failure is retried, a few times, from the start.
 */
@ApplicationScoped
public class Db {

    private static final int ATTEMPTS = 3;

    private final Pool pool;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> tx(Function<SqlConnection, Uni<T>> work) {
        return retried(Uni.createFrom().deferred(() -> pool.withTransaction(work)));
    }

    /**
     * One statement outside an explicit transaction (atomic on its own: no {@code BEGIN} and
     * {@code COMMIT} round trips), run again, like a transaction, if PostgreSQL aborted it as a
     * deadlock victim or serialization failure.
     */
    public <T> Uni<T> statement(Function<Pool, Uni<T>> work) {
        return retried(Uni.createFrom().deferred(() -> work.apply(pool)));
    }

    /** {@code work} subscribed to again, up to {@link #ATTEMPTS} times in all, while PostgreSQL aborts it as retryable. */
    private static <T> Uni<T> retried(Uni<T> work) {
        return work.onFailure(Db::retryable).retry().atMost(ATTEMPTS - 1);
    }

    /** A statement outside a transaction (reads). */
    public Pool pool() {
        return pool;
    }

    private static boolean retryable(Throwable failure) {
        return failure instanceof PgException pg
                && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
