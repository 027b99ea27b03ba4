package dev.flotilla.task;

import dev.flotilla.common.servicetoken.ServiceTokens;
import dev.flotilla.task.outbox.OutboxDispatcher;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outcomes of tasks and workflows reach notification-service through the outbox: published by
 * the service's own sink, with its service client's token, to a real HTTP receiver
 * ({@link NotificationReceiver}), with tokens acting for each outcome's tenant.
 */
@QuarkusTest
class NotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final UUID tenant = UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();

    @Inject
    NotificationReceiver receiver;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    RecordingOutboxSink sink;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void notificationServiceIsUpAtFirst() {
        receiver.available();
    }

    @AfterEach
    void notificationServiceIsUp() {
        receiver.available();
        breakers.resetAll();
    }

    private RequestSpecification as(String subject, String role) {
        return Requests.as(subject, tenant, role);
    }

    private UUID agent() {
        return UUID.fromString(Responses.created(as(user, "member")
                .body(Map.of("name", "notified-" + UUID.randomUUID(), "type", "SPECIALIST", "capabilities", List.of()))
                .post("/api/v1/agents").then()));
    }

    private UUID workflowOfOneTask(String type) {
        return UUID.fromString(Responses.created(as(user, "member")
                .body(Map.of("name", "nightly " + type, "tasks", List.of(Map.of("key", "only", "type", type))))
                .post("/api/v1/workflows").then()));
    }

    /** Claims the tenant's one claimable task: its id and lease. */
    private String[] claim(UUID agent) {
        var claimed = as(user, "member").body(Map.of("max", 1)).post("/api/v1/agents/" + agent + "/claims").then()
                .statusCode(200).extract();
        return new String[] { claimed.path("tasks[0].id"), claimed.path("tasks[0].leaseId") };
    }

    private void failForGood(String[] claimed) {
        as(user, "member").body(Map.of("leaseId", claimed[1], "error", "the report has no data", "retryable", false))
                .post("/api/v1/tasks/" + claimed[0] + "/fail").then().statusCode(200);
    }

    /** Drains the outbox until the predicate holds of what the receiver got. */
    private void deliveredUntil(String what, BooleanSupplier done) {
        await(what).atMost(WAIT).until(() -> {
            dispatcher.drain().await().atMost(WAIT);
            return done.getAsBoolean();
        });
    }

    private boolean published(String type, UUID aggregate) {
        return receiver.about(aggregate).stream().anyMatch(r -> r.status() == 201 && type.equals(r.type()));
    }

    @Test
    void aTaskThatFailsForGoodIsNotifiedOnceToItsCreatorAndItsWorkflowsTopic() {
        UUID agent = agent();
        UUID workflow = workflowOfOneTask("report");
        String[] claimed = claim(agent);
        UUID task = UUID.fromString(claimed[0]);
        failForGood(claimed);
        deliveredUntil("the workflow's failure published", () -> published("workflow.failed", workflow));

        List<NotificationReceiver.Received> about = receiver.about(task);
        assertEquals(1, about.size(), "only the outcome is announced, once: " + about);
        NotificationReceiver.Received failed = about.get(0);
        assertEquals("task.failed", failed.type());
        assertEquals(201, failed.status());
        assertEquals("Task \"report\" failed", failed.body().getString("subject"));
        assertEquals(new JsonArray().add(new JsonObject().put("userId", user))
                .add(new JsonObject().put("topic", "workflow." + workflow)), failed.body().getJsonArray("recipients"));
        JsonObject data = failed.data();
        assertEquals("report", data.getString("type"));
        assertEquals(workflow.toString(), data.getString("workflowId"));
        assertEquals("FAILED", data.getString("status"));
        assertEquals("failed, not retryable: the report has no data", data.getString("reason"));
        assertEquals(agent.toString(), data.getString("agentId"));
        assertEquals(false, failed.body().getBoolean("critical"));
        long event = sink.deliveredAbout(task).stream().filter(m -> "FAILED".equals(m.payload().getString("to")))
                .findFirst().orElseThrow().id();
        assertEquals("task-outbox-" + event, failed.idempotencyKey());
        assertTrue(failed.authorization().startsWith("Bearer "), "published with the service client's token");

        NotificationReceiver.Received workflowFailed = receiver.about(workflow).get(0);
        assertEquals("Workflow \"nightly report\" failed", workflowFailed.body().getString("subject"));
        assertEquals(new JsonArray().add(new JsonObject().put("userId", user))
                .add(new JsonObject().put("topic", "workflow." + workflow)), workflowFailed.body().getJsonArray("recipients"));
    }

    @Test
    void aBatchOfferedAgainPublishesItsEventsUnderTheSameKeysAndNotifiesOnce() {
        UUID agent = agent();
        UUID workflow = workflowOfOneTask("export");
        // The task's failure gets through; its workflow's, in the same batch, does not, so the batch fails.
        receiver.unavailableFor(body -> "workflow.failed".equals(body.getString("type"))
                && body.getJsonArray("recipients").contains(new JsonObject().put("topic", "workflow." + workflow)));
        String[] claimed = claim(agent);
        UUID task = UUID.fromString(claimed[0]);
        failForGood(claimed);
        deliveredUntil("the task's failure published while its workflow's is refused",
                () -> published("task.failed", task) && !receiver.about(workflow).isEmpty());
        assertTrue(sink.deliveredAbout(task).stream().noneMatch(m -> "FAILED".equals(m.payload().getString("to"))),
                "the batch is not delivered yet");

        receiver.available();
        deliveredUntil("the batch delivered again", () -> published("workflow.failed", workflow));
        List<NotificationReceiver.Received> failures = receiver.about(task);
        assertTrue(failures.size() >= 2, "the task's failure is published again with its batch: " + failures);
        for (NotificationReceiver.Received attempt : failures) {
            assertEquals(failures.get(0).idempotencyKey(), attempt.idempotencyKey());
            assertEquals(201, attempt.status(), "the same request under the same key");
        }
        assertEquals(1, NotificationReceiver.distinctAccepted(failures), "one event notified");
    }

    @Test
    void aTaskThatSucceedsIsNotifiedToItsCreatorAlone() {
        UUID agent = agent();
        UUID task = UUID.fromString(Responses.created(as(user, "member").body(Map.of("type", "digest"))
                .post("/api/v1/tasks").then()));
        String[] claimed = claim(agent);
        as(user, "member").body(Map.of("leaseId", claimed[1], "result", 1)).post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(200);
        deliveredUntil("the task's success published", () -> published("task.succeeded", task));
        NotificationReceiver.Received succeeded = receiver.about(task).get(0);
        assertEquals(new JsonArray().add(new JsonObject().put("userId", user)), succeeded.body().getJsonArray("recipients"));
        assertEquals("Task \"digest\" succeeded", succeeded.body().getString("subject"));
    }

    @Test
    void aCancelledTaskOfABatchIsNotifiedToTheUserWhoCreatedTheBatch() {
        UUID task = UUID.fromString(as(user, "member").body(Map.of("tasks", List.of(Map.of("task", Map.of("type", "resize")))))
                .post("/api/v1/tasks/batch").then().statusCode(201).extract().path("tasks[0].task.id"));
        as(user, "member").post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        deliveredUntil("the task's cancellation published", () -> published("task.cancelled", task));
        NotificationReceiver.Received cancelled = receiver.about(task).get(0);
        assertEquals(new JsonArray().add(new JsonObject().put("userId", user)), cancelled.body().getJsonArray("recipients"));
        assertEquals("Task \"resize\" was cancelled", cancelled.body().getString("subject"));
    }

    @Test
    void anOutcomeWithNoOneToTellIsNotPublished() {
        UUID task = UUID.fromString(Responses.created(as("svc-scheduler", "service").body(Map.of("type", "cleanup"))
                .post("/api/v1/tasks").then()));
        as("svc-scheduler", "service").post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        await().atMost(WAIT).until(() -> {
            dispatcher.drain().await().atMost(WAIT);
            return sink.deliveredAbout(task).stream().anyMatch(m -> "CANCELLED".equals(m.payload().getString("to")));
        });
        assertTrue(receiver.about(task).isEmpty(), "a task a service created with its own token has no creator to tell");
    }

    @Test
    void eachTenantsOutcomesArePublishedWithATokenActingForThatTenant() {
        Api other = new Api();
        UUID task = other.task("elsewhere");
        other.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        await().atMost(WAIT).until(() -> {
            dispatcher.drain().await().atMost(WAIT);
            return !receiver.about(task).isEmpty();
        });
        String token = receiver.about(task).get(0).authorization().substring("Bearer ".length());
        assertEquals(other.tenant, ServiceTokens.tenantOf(token));
    }
}
