package dev.flotilla.task;

import dev.flotilla.task.outbox.OutboxDispatcher;
import dev.flotilla.task.outbox.OutboxMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OutboxTest {

    private final Api api = new Api();

    @Inject
    Pool pool;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    RecordingOutboxSink sink;

    /** A row of the outbox, still there or already delivered. */
    private record Written(long id, String topic, String to) {
    }

    private List<Long> undelivered(UUID task) {
        List<Long> ids = new ArrayList<>();
        pool.preparedQuery("select id from task.outbox where aggregate_id = $1")
                .execute(Tuple.of(task)).await().atMost(Duration.ofSeconds(5)).forEach(row -> ids.add(row.getLong("id")));
        return ids;
    }

    /** What the task's changes wrote to the outbox, in order, whether the dispatcher has delivered it yet or not. */
    private List<Written> outboxOf(UUID task) {
        List<Written> written = new ArrayList<>();
        // Read the table before the sink: a row delivered in between is then seen in the sink, not missed.
        pool.preparedQuery("select id, topic, payload->>'to' as to_status from task.outbox where aggregate_id = $1")
                .execute(Tuple.of(task)).await().atMost(Duration.ofSeconds(5))
                .forEach(row -> written.add(new Written(row.getLong("id"), row.getString("topic"), row.getString("to_status"))));
        for (OutboxMessage message : sink.deliveredAbout(task)) {
            if (written.stream().noneMatch(row -> row.id() == message.id())) {
                written.add(new Written(message.id(), message.topic(), message.payload().getString("to")));
            }
        }
        written.sort(Comparator.comparingLong(Written::id));
        return written;
    }

    private long outboxVacuums() {
        return pool.query("select vacuum_count from pg_stat_user_tables where schemaname = 'task' and relname = 'outbox'")
                .execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    @Test
    void theDispatcherVacuumsTheOutboxOnceEnoughRowsWereDelivered() {
        long before = outboxVacuums();
        for (int i = 0; i < 5; i++) {
            api.task("vacuumed");
        }
        Eventually.within(Duration.ofSeconds(10), "a vacuum of the outbox after five deliveries", () -> outboxVacuums() > before);
    }

    @Test
    void everyStateChangeWritesAnOutboxRow() {
        UUID agent = api.agent("outboxed");
        UUID task = api.task("announced");
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.complete(task, lease, 1).statusCode(200);
        assertEquals(List.of("SCHEDULED", "RUNNING", "SUCCEEDED"), outboxOf(task).stream().map(Written::to).toList());
        assertEquals("task.status-changed", outboxOf(task).get(0).topic());
    }

    @Test
    void claimingAWorkflowsFirstTaskAnnouncesTheWorkflowRunning() {
        UUID agent = api.agent("workflow-outboxed");
        UUID workflow = UUID.fromString(api.call().body(Map.of("name", "announced-flow", "tasks", List.of(Map.of("key", "only", "type", "only"))))
                .post("/api/v1/workflows").then().statusCode(201).extract().path("id"));
        api.claim(agent, Map.of("max", 1)).body("tasks.size()", is(1));
        assertEquals(List.of("RUNNING"), outboxOf(workflow).stream().map(Written::to).toList());
        assertEquals("workflow.status-changed", outboxOf(workflow).get(0).topic());
    }

    @Test
    void aRefusedChangeWritesNoOutboxRow() {
        UUID task = api.task("refused");
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(409);
        assertEquals(2, outboxOf(task).size());
    }

    @Test
    void theDispatcherDeliversEachRowAndDeletesIt() {
        UUID task = api.task("delivered");
        Eventually.within(Duration.ofSeconds(10), "outbox row delivered", () -> {
            dispatcher.dispatch().await().atMost(Duration.ofSeconds(5));
            return undelivered(task).isEmpty();
        });
        List<OutboxMessage> delivered = sink.deliveredAbout(task);
        assertEquals(1, delivered.size());
        assertEquals("SCHEDULED", delivered.get(0).payload().getString("to"));
    }
}
