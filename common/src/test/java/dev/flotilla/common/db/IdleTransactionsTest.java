package dev.flotilla.common.db;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IdleTransactionsTest {

    @Inject
    Pool pool;

    @Test
    void theServerEndsASessionLeftIdleInATransaction() {
        String timeout = pool.query("show idle_in_transaction_session_timeout").execute()
                .map(rows -> rows.iterator().next().getString(0))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(LongStatementsPool.IDLE_IN_TRANSACTION_TIMEOUT, timeout);
    }
}
