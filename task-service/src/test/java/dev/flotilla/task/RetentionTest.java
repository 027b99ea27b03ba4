package dev.flotilla.task;

import dev.flotilla.task.outbox.OutboxDispatcher;
import dev.flotilla.task.retention.RetentionJob;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finished tasks and workflows are deleted once their retention period passed, and nothing else. */
@QuarkusTest
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The tenant whose own period the test profile sets to one day. */
    private static final UUID SHORT_LIVED = UUID.fromString("00000000-0000-0000-0000-0000000000e7");

    private final Api api = new Api();

    @Inject
    Pool pool;

    @Inject
    RetentionJob retention;

    @Inject
    OutboxDispatcher outbox;

    /** Makes the task look finished {@code days} ago. */
    private void finishedDaysAgo(String table, UUID id, int days) {
        pool.preparedQuery("update task." + table + " set finished_at = now() - make_interval(days => $2) where id = $1")
                .execute(Tuple.of(id, days)).await().atMost(WAIT);
    }

    private long events(UUID task) {
        return pool.preparedQuery("select count(*) from task.task_events where task_id = $1").execute(Tuple.of(task))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

    private UUID cancelled(Api as) {
        UUID task = as.task("kept-or-not");
        as.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        return task;
    }

    private void runRetention() {
        outbox.drain().await().atMost(WAIT);
        retention.run().await().atMost(WAIT);
    }

    @Test
    void aFinishedTaskPastItsPeriodIsDeletedWithItsEvents() {
        UUID old = cancelled(api);
        finishedDaysAgo("tasks", old, 31);
        runRetention();
        api.getTask(old).spec(Problems.notFound());
        assertEquals(0, events(old));
    }

    @Test
    void aTaskFinishedWithinItsPeriodIsKept() {
        UUID recent = cancelled(api);
        finishedDaysAgo("tasks", recent, 29);
        runRetention();
        api.getTask(recent).statusCode(200);
    }

    @Test
    void aTaskNotFinishedIsKeptHoweverOld() {
        UUID waiting = api.task("waiting");
        pool.preparedQuery("update task.tasks set created_at = now() - interval '90 days' where id = $1")
                .execute(Tuple.of(waiting)).await().atMost(WAIT);
        runRetention();
        api.getTask(waiting).statusCode(200);
    }

    @Test
    void theFinishedTasksOfAWorkflowStillRunningAreKept() {
        UUID agent = api.agent("retained");
        UUID workflow = UUID.fromString(Responses.created(api.call().body(Map.of("name", "still-running", "tasks",
                List.of(Map.of("key", "first", "type", "retention-first"),
                        Map.of("key", "second", "type", "retention-second", "dependsOn", List.of("first")))))
                .post("/api/v1/workflows").then()));
        UUID first = taskOf(workflow, 0);
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.complete(first, lease, Map.of("done", true)).statusCode(200);
        finishedDaysAgo("tasks", first, 31);
        runRetention();
        api.getTask(first).statusCode(200);
        api.call().get("/api/v1/workflows/" + workflow).then().statusCode(200);
    }

    private UUID taskOf(UUID workflow, int index) {
        return UUID.fromString(api.call().get("/api/v1/workflows/" + workflow).then().extract()
                .path("tasks[" + index + "].taskId"));
    }

    @Test
    void aFinishedWorkflowPastItsPeriodIsDeletedWithItsTasks() {
        UUID workflow = UUID.fromString(Responses.created(api.call().body(Map.of("name", "done-long-ago", "tasks",
                List.of(Map.of("key", "only", "type", "retention-only")))).post("/api/v1/workflows").then()));
        api.call().post("/api/v1/workflows/" + workflow + "/cancel").then().statusCode(200);
        UUID task = taskOf(workflow, 0);
        finishedDaysAgo("workflows", workflow, 31);
        finishedDaysAgo("tasks", task, 31);
        runRetention();
        api.call().get("/api/v1/workflows/" + workflow).then().spec(Problems.notFound());
        api.getTask(task).spec(Problems.notFound());
        assertEquals(0, events(task));
    }

    @Test
    void aTenantsOwnPeriodReplacesTheDefault() {
        Api shortLived = new Api(SHORT_LIVED);
        UUID gone = cancelled(shortLived);
        finishedDaysAgo("tasks", gone, 2);
        UUID kept = cancelled(api);
        finishedDaysAgo("tasks", kept, 2);
        runRetention();
        shortLived.getTask(gone).spec(Problems.notFound());
        api.getTask(kept).statusCode(200);
    }
}
