package dev.flotilla.common.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Transactions over the reactive pool for the services whose state changes are written by a few
 * precise SQL statements ({@code FOR UPDATE SKIP LOCKED}, {@code UPDATE ... RETURNING}) in one
 * transaction: task-service's queue, notification-service's deliveries. A transaction that PostgreSQL aborts as a
 * deadlock victim or serialization failure is retried, a few times, from the start.
 * <p>
 * Work that must happen only once a transaction has committed (a wake-up of other replicas, say) is registered with
 * {@link #afterCommit}; it runs when the commit succeeds, and not at all when the transaction rolls back or is retried.
 */
@ApplicationScoped
public class Db {

    private static final Logger LOG = Logger.getLogger(Db.class);
    private static final int ATTEMPTS = 3;

    private final Pool pool;
    private final Map<SqlConnection, List<Runnable>> committing = new ConcurrentHashMap<>();

    public Db(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> tx(Function<SqlConnection, Uni<T>> work) {
        return retried(Uni.createFrom().deferred(() -> {
            List<Runnable> hooks = new ArrayList<>();
            SqlConnection[] held = new SqlConnection[1];
            return pool.withTransaction(connection -> {
                held[0] = connection;
                committing.put(connection, hooks);
                return work.apply(connection);
            }).onTermination().invoke(() -> {
                if (held[0] != null) {
                    committing.remove(held[0], hooks);
                }
            }).invoke(() -> hooks.forEach(Db::runCommitted));
        }));
    }

    /**
     * Runs {@code action} once the transaction of {@code tx} (one begun by {@link #tx}) has committed, on the thread
     * that saw the commit, so it must not block; never if the transaction rolls back. Actions run in the order given.
     */
    public void afterCommit(SqlConnection tx, Runnable action) {
        List<Runnable> hooks = committing.get(tx);
        if (hooks == null) {
            throw new IllegalStateException("afterCommit needs a transaction begun by Db.tx");
        }
        hooks.add(action);
    }

    /**
     * One statement outside an explicit transaction (atomic on its own: no {@code BEGIN} and
     * {@code COMMIT} round trips), run again, like a transaction, if PostgreSQL aborted it as a
     * deadlock victim or serialization failure.
     */
    public <T> Uni<T> statement(Function<Pool, Uni<T>> work) {
        return retried(Uni.createFrom().deferred(() -> work.apply(pool)));
    }

    /** A failing action must not turn a committed transaction into a failure its caller would retry. */
    private static void runCommitted(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "An action after a commit failed");
        }
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
