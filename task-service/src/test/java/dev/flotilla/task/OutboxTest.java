package dev.flotilla.task;

import dev.flotilla.task.outbox.OutboxDispatcher;
import dev.flotilla.task.outbox.OutboxMessage;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Api api = new Api();

    @Inject
    Pool pool;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    RecordingOutboxSink sink;

    /** The statuses announced about a task or workflow, in delivery order. */
    private List<String> announced(UUID aggregate) {
        return sink.deliveredAbout(aggregate).stream().map(message -> message.payload().getString("to")).toList();
    }

    /**
     * Waits until the task's creation is delivered. Events are delivered in the order their
     * transactions wrote them, so everything written before the task was created is delivered too.
     */
    private void deliveredUpTo(UUID task) {
        await("the creation of " + task + " delivered").atMost(WAIT).until(() -> {
            dispatcher.drain().await().atMost(WAIT);
            return !sink.deliveredAbout(task).isEmpty();
        });
    }

    @Test
    void everyStateChangeIsDeliveredOnceInOrder() {
        UUID agent = api.agent("outboxed");
        UUID task = api.task("announced");
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.complete(task, lease, 1).statusCode(200);
        deliveredUpTo(api.task("marker"));
        assertEquals(List.of("SCHEDULED", "RUNNING", "SUCCEEDED"), announced(task));
        OutboxMessage claimed = sink.deliveredAbout(task).get(1);
        assertEquals("task.status-changed", claimed.topic());
        assertEquals("announced", claimed.payload().getString("type"));
        assertEquals("SCHEDULED", claimed.payload().getString("from"));
        assertEquals("claimed", claimed.payload().getString("reason"));
        assertEquals(agent.toString(), claimed.payload().getString("agentId"));
    }

    @Test
    void claimingAWorkflowsFirstTaskAnnouncesTheWorkflowRunning() {
        UUID agent = api.agent("workflow-outboxed");
        UUID workflow = UUID.fromString(Responses.created(api.call()
                .body(Map.of("name", "announced-flow", "tasks", List.of(Map.of("key", "only", "type", "only"))))
                .post("/api/v1/workflows").then()));
        api.claim(agent, Map.of("max", 1)).body("tasks.size()", is(1));
        deliveredUpTo(api.task("marker"));
        assertEquals(List.of("RUNNING"), announced(workflow));
        assertEquals("workflow.status-changed", sink.deliveredAbout(workflow).get(0).topic());
        assertEquals("PENDING", sink.deliveredAbout(workflow).get(0).payload().getString("from"));
    }

    @Test
    void aRefusedChangeAnnouncesNothing() {
        UUID task = api.task("refused");
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().spec(Problems.conflict());
        deliveredUpTo(api.task("marker"));
        assertEquals(List.of("SCHEDULED", "CANCELLED"), announced(task));
    }

    @Test
    void aChangeCommittedAfterALaterOneIsDeliveredAllTheSame() {
        UUID early = api.task("committed-late");
        UUID tenant = pool.preparedQuery("select tenant_id from task.tasks where id = $1").execute(Tuple.of(early))
                .await().atMost(WAIT).iterator().next().getUUID("tenant_id");
        UUID later;
        SqlConnection open = pool.getConnection().await().atMost(WAIT);
        try {
            // An event written (its id taken) by a transaction that commits only after a later change.
            open.query("begin").execute().await().atMost(WAIT);
            open.preparedQuery("insert into task.task_events (tenant_id, task_id, from_status, to_status, reason, attempt)"
                    + " values ($1, $2, 'SCHEDULED', 'SCHEDULED', 'held open', 0)")
                    .execute(Tuple.of(tenant, early)).await().atMost(WAIT);
            later = api.task("committed-first");
            dispatcher.drain().await().atMost(WAIT);
            assertTrue(sink.deliveredAbout(later).isEmpty(), "nothing after a transaction still running is delivered");
            open.query("commit").execute().await().atMost(WAIT);
        } finally {
            open.closeAndAwait();
        }
        deliveredUpTo(later);
        List<OutboxMessage> delivered = sink.delivered();
        int held = indexOf(delivered, early, "held open");
        assertTrue(held >= 0, "the event committed late is delivered");
        assertTrue(held < indexOf(delivered, later, "created"), "before the change committed after it");
    }

    private static int indexOf(List<OutboxMessage> delivered, UUID task, String reason) {
        for (int i = 0; i < delivered.size(); i++) {
            OutboxMessage message = delivered.get(i);
            if (message.aggregateId().equals(task) && reason.equals(message.payload().getString("reason"))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aBatchTheSinkRefusedIsOfferedAgainAndDeliveredOnce() {
        UUID task = api.task("refused-delivery");
        deliveredUpTo(task);
        sink.refuseOnce(task);
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        deliveredUpTo(api.task("marker"));
        assertEquals(List.of("SCHEDULED", "CANCELLED"), announced(task));
        assertEquals(1, sink.deliveredAbout(task).get(1).attempts(), "delivered on the second attempt");
    }
}
