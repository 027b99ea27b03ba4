package dev.flotilla.task.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How PostgreSQL runs the queue's busiest statements when its statistics are as a busy queue leaves
 * them, in the plan it keeps for any values of their parameters (each pooled connection keeps the
 * statements prepared, and PostgreSQL moves to that generic plan once it judges it no dearer).
 * The statements of an agent holding a task, with statistics gathered while few tasks were
 * running, so that {@code lease_expires_at > now()} looks empty: read through the lease index, a
 * heartbeat or completion would walk every running task's entry (and, until vacuum, those of tasks
 * finished since); by its key it reads one. A claim, with statistics gathered while nothing was
 * claimable: it must still take the highest-priority, oldest claimable tasks from the claimable
 * index, not sort every task of the tenant.
 */
@QuarkusTest
class QueuePlanTest {

    private final UUID tenant = UUID.randomUUID();

    @Inject
    Pool pool;

    @AfterEach
    void removeSeededTasks() {
        pool.preparedQuery("delete from task.tasks where tenant_id = $1").execute(Tuple.of(tenant)).await()
                .atMost(Duration.ofSeconds(10));
    }

    @Test
    void heldTasksAreFoundByTheirKeyHoweverStaleTheStatistics() {
        seed(3000, "SUCCEEDED", "null");
        pool.query("analyze task.tasks").execute().await().atMost(Duration.ofSeconds(30));
        seed(500, "RUNNING", "now() + interval '1 hour'");

        Map<String, String> statements = Map.of(
                "heartbeat", LeaseSql.HEARTBEAT,
                "complete", LeaseSql.COMPLETE_STANDALONE,
                "complete in a batch", LeaseSql.COMPLETE_BATCH,
                "fail", LeaseSql.FAIL);
        assertAll(statements.entrySet().stream().map(statement -> () -> {
            String plan = plan(statement.getValue());
            assertFalse(plan.contains("tasks_leases"), statement.getKey() + " reads the lease index:\n" + plan);
        }));
    }

    @Test
    void claimsReadTheClaimableIndexHoweverStaleTheStatistics() {
        seed(3000, "SUCCEEDED", "null");
        pool.query("analyze task.tasks").execute().await().atMost(Duration.ofSeconds(30));
        seed(500, "SCHEDULED", "null");

        String plan = plan("with " + ClaimSql.AGENT + "changed as (" + ClaimSql.CLAIM + ") select id from changed");
        assertTrue(plan.contains("Index Scan using tasks_claimable"), "the claim does not read the claimable index:\n" + plan);
        assertFalse(plan.contains("Sort"), "the claim sorts the tenant's tasks:\n" + plan);
    }

    private void seed(int count, String status, String leaseExpiresAt) {
        pool.preparedQuery("""
                insert into task.tasks (id, tenant_id, type, priority, status, run_at, max_attempts, backoff_initial_ms,
                                        backoff_max_ms, backoff_multiplier, lease_id, lease_expires_at, created_at, updated_at)
                select gen_random_uuid(), $1, 'planned', 5, $2, now(), 3, 1000, 60000, 2, gen_random_uuid(), %s, now(), now()
                  from generate_series(1, $3)""".formatted(leaseExpiresAt))
                .execute(Tuple.of(tenant, status, count)).await().atMost(Duration.ofSeconds(30));
    }

    /** The plan PostgreSQL would use for any values of the statement's parameters. */
    private String plan(String sql) {
        return StreamSupport
                .stream(pool.query("explain (generic_plan) " + sql).execute().await().atMost(Duration.ofSeconds(10))
                        .spliterator(), false)
                .map(row -> row.getString(0))
                .collect(Collectors.joining("\n"));
    }
}
