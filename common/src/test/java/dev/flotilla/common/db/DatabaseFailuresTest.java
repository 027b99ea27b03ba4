package dev.flotilla.common.db;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.HibernateException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    private static PgException sqlState(String state) {
        return new PgException("message", "FATAL", state, null);
    }

    @Test
    void aRefusedConnectionWrappedByHibernateReactiveIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new CompletionException(
                new HibernateException(new ConnectException("Connection refused: localhost/127.0.0.1:5432")))));
    }

    @Test
    void aClosedConnectionIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new CompletionException(ClosedConnectionException.INSTANCE)));
    }

    @Test
    void noPooledConnectionInTimeIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new NoStackTraceThrowable("Timeout")));
        assertTrue(DatabaseFailures.isUnavailable(new VertxException("Timeout waiting for connection", true)));
    }

    @Test
    void aServerShuttingDownOrAConnectionExceptionStateIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new HibernateException(sqlState("57P01"))));
        assertTrue(DatabaseFailures.isUnavailable(sqlState("57P03")));
        assertTrue(DatabaseFailures.isUnavailable(sqlState("08006")));
    }

    @Test
    void statementErrorsAndOtherFailuresAreNotUnavailability() {
        assertFalse(DatabaseFailures.isUnavailable(sqlState("23505")));
        assertFalse(DatabaseFailures.isUnavailable(sqlState("22P05")));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("Timeout")));
        assertFalse(DatabaseFailures.isUnavailable(new NoStackTraceThrowable("something else")));
    }

    @Test
    void aRowDeletedConcurrentlyIsStaleState() {
        var stale = new StaleObjectStateException("dev.flotilla.Widget", "id");
        assertTrue(DatabaseFailures.isStaleState(new CompletionException(new OptimisticLockException(stale))));
        assertFalse(DatabaseFailures.isStaleState(new IllegalStateException()));
    }
}
