package dev.flotilla.task;

import dev.flotilla.task.outbox.OutboxDispatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OutboxTest {

    private final Api api = new Api();

    @Inject
    Pool pool;

    @Inject
    OutboxDispatcher dispatcher;

    private List<Row> outboxOf(UUID task) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select topic, payload->>'to' as to_status, delivered_at from task.outbox where aggregate_id = $1 order by id")
                .execute(Tuple.of(task)).await().atMost(Duration.ofSeconds(5)).forEach(rows::add);
        return rows;
    }

    @Test
    void everyStateChangeWritesAnOutboxRow() {
        UUID agent = api.agent("outboxed");
        UUID task = api.task("announced");
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.complete(task, lease, 1).statusCode(200);
        assertEquals(List.of("SCHEDULED", "RUNNING", "SUCCEEDED"), outboxOf(task).stream().map(row -> row.getString("to_status")).toList());
        assertEquals("task.status-changed", outboxOf(task).get(0).getString("topic"));
    }

    @Test
    void aRefusedChangeWritesNoOutboxRow() {
        UUID task = api.task("refused");
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(409);
        assertEquals(2, outboxOf(task).size());
    }

    @Test
    void theDispatcherMarksRowsDelivered() {
        UUID task = api.task("delivered");
        Eventually.within(Duration.ofSeconds(10), "outbox row delivered", () -> {
            dispatcher.dispatch().await().atMost(Duration.ofSeconds(5));
            return outboxOf(task).stream().allMatch(row -> row.getValue("delivered_at") != null);
        });
    }
}
