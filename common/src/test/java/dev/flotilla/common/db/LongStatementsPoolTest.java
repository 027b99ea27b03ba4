package dev.flotilla.common.db;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LongStatementsPoolTest {

    /** A statement of a few thousand characters, as a state change written as one statement of several steps is. */
    private static final String LONG_STATEMENT = "select $1::int + 1 as answer" + " ".repeat(3_000) + "-- long";

    @Inject
    Pool pool;

    @Test
    void aStatementLongerThanTheClientsDefaultLimitIsKeptPreparedOnItsConnection() {
        assertTrue(LONG_STATEMENT.length() > 2_048);
        long prepared = pool.withConnection(connection -> connection.preparedQuery(LONG_STATEMENT).execute(Tuple.of(41))
                .invoke(rows -> assertEquals(42, rows.iterator().next().getInteger("answer")))
                .chain(() -> connection.preparedQuery(LONG_STATEMENT).execute(Tuple.of(1)))
                .chain(() -> connection.preparedQuery("select count(*) from pg_prepared_statements where statement = $1")
                        .execute(Tuple.of(LONG_STATEMENT)))
                .map(rows -> rows.iterator().next().getLong(0)))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(1, prepared);
    }
}
