package dev.flotilla.common.db;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlResultsTest {

    private static PgException failure(String sqlState) {
        return new PgException("duplicate key value violates unique constraint", "ERROR", sqlState, null);
    }

    @Test
    void aUniqueViolationIsRecognised() {
        assertTrue(SqlResults.isUniqueViolation(failure("23505")));
    }

    @Test
    void aUniqueViolationWrappedInAnotherFailureIsRecognised() {
        assertTrue(SqlResults.isUniqueViolation(new CompletionException(failure("23505"))));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(SqlResults.isUniqueViolation(failure("23503")));
        assertFalse(SqlResults.isUniqueViolation(new IllegalStateException("pool closed")));
    }
}
