package dev.flotilla.common.db;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

/**
 * Recognises, in a failure or any of its causes, what went wrong with the database, through the
 * wrappers the reactive client and Hibernate Reactive add ({@code CompletionException},
 * {@code HibernateException}, {@code PersistenceException}).
 */
public final class DatabaseFailures {

    /** SQLSTATEs of a server that is going away, starting up, or full; class 08 (connection exceptions) is added. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown: terminating connection due to administrator command
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: the database system is starting up or shutting down
            "53300"); // too_many_connections
    /** How the Vert.x pool says that no connection became free (or could be opened) in time. */
    private static final Set<String> POOL_TIMEOUTS = Set.of("Timeout", "Timeout waiting for connection");

    private DatabaseFailures() {
    }

    /**
     * Whether {@code failure} means the database cannot be reached now: a refused, closed or
     * reset connection, no connection from the pool in time, or a server shutting down, starting
     * up or out of connections. Such a failure is no fault of the request, which may be retried.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return isUnavailableState(pg.getSqlState());
            }
            if (isBrokenConnection(t) || isPoolTimeout(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    /** Refused, closed or reset; Netty's native transport reports a reset as a plain {@code IOException} of its own. */
    private static boolean isBrokenConnection(Throwable t) {
        return t instanceof ConnectException || t instanceof SocketException || t instanceof ClosedChannelException
                || t instanceof ClosedConnectionException
                || t instanceof IOException && t.getClass().getName().startsWith("io.netty.channel.unix.Errors");
    }

    private static boolean isPoolTimeout(Throwable t) {
        return (t instanceof NoStackTraceThrowable || t.getClass() == VertxException.class)
                && POOL_TIMEOUTS.contains(t.getMessage());
    }

    /**
     * Whether {@code failure} is Hibernate's report that a row it was about to change or delete
     * had already been changed or deleted by a concurrent transaction (a row count of 0).
     */
    public static boolean isStaleState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
