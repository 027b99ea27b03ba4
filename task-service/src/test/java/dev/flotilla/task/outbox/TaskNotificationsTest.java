package dev.flotilla.task.outbox;

import dev.flotilla.common.notification.NotificationEvent;
import dev.flotilla.common.notification.Recipient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which state changes are announced, to whom, and how. */
class TaskNotificationsTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final String TASK = "0190a0b0-0000-7000-8000-000000000001";
    private static final String WORKFLOW = "0190a0b0-0000-7000-8000-000000000002";
    private static final String AT = "2026-12-01T10:00:00.123+00:00";

    private static OutboxMessage task(long id, String from, String to, String workflow, String creator) {
        JsonObject payload = new JsonObject().put("taskId", TASK).put("type", "report").put("workflowId", workflow)
                .put("from", from).put("to", to).put("reason", "why").put("attempt", 2).put("agentId", null)
                .put("createdBy", creator).put("at", AT);
        return new OutboxMessage(id, TENANT, "task.status-changed", UUID.fromString(TASK), payload, Instant.now(), 0);
    }

    private static OutboxMessage workflow(long id, String from, String to, String creator) {
        JsonObject payload = new JsonObject().put("workflowId", WORKFLOW).put("name", "nightly").put("createdBy", creator)
                .put("from", from).put("to", to).put("at", AT);
        return new OutboxMessage(id, TENANT, "workflow.status-changed", UUID.fromString(WORKFLOW), payload, Instant.now(), 0);
    }

    private static String typeOf(OutboxMessage message) {
        TaskNotifications.Notification notification = TaskNotifications.of(message);
        return notification == null ? null : notification.event().type();
    }

    @Test
    void everyWayATaskEndsIsAnnounced() {
        assertEquals("task.succeeded", typeOf(task(1, "RUNNING", "SUCCEEDED", null, "u1")));
        assertEquals("task.failed", typeOf(task(1, "RUNNING", "FAILED", null, "u1")));
        assertEquals("task.dead", typeOf(task(1, "RUNNING", "DEAD", null, "u1")));
        assertEquals("task.timed-out", typeOf(task(1, "RUNNING", "TIMED_OUT", null, "u1")));
        assertEquals("task.cancelled", typeOf(task(1, "SCHEDULED", "CANCELLED", null, "u1")));
    }

    @Test
    void changesOnTheWayAreNotAnnounced() {
        assertNull(typeOf(task(1, null, "SCHEDULED", WORKFLOW, "u1")));
        assertNull(typeOf(task(1, null, "PENDING", WORKFLOW, "u1")));
        assertNull(typeOf(task(1, "SCHEDULED", "RUNNING", WORKFLOW, "u1")));
        assertNull(typeOf(task(1, "RUNNING", "SCHEDULED", WORKFLOW, "u1")), "a failure that will be retried");
        assertNull(typeOf(task(1, "SCHEDULED", "SCHEDULED", null, "u1")), "no change of status");
        assertNull(typeOf(workflow(1, "PENDING", "RUNNING", "u1")));
    }

    @Test
    void aWorkflowsCancelledTaskIsLeftToTheWorkflowsOwnOutcome() {
        assertNull(typeOf(task(1, "PENDING", "CANCELLED", WORKFLOW, "u1")));
        assertEquals("workflow.failed", typeOf(workflow(2, "RUNNING", "FAILED", "u1")));
        assertEquals("workflow.cancelled", typeOf(workflow(2, "RUNNING", "CANCELLED", "u1")));
        assertEquals("workflow.completed", typeOf(workflow(2, "RUNNING", "SUCCEEDED", "u1")));
    }

    @Test
    void aWorkflowTasksOutcomeGoesToItsCreatorAndTheWorkflowsTopicUnderItsEventsKey() {
        TaskNotifications.Notification notification = TaskNotifications.of(task(42, "RUNNING", "DEAD", WORKFLOW, "u1"));
        assertNotNull(notification);
        assertEquals(TENANT, notification.tenant());
        assertEquals("task-outbox-42", notification.idempotencyKey());
        NotificationEvent event = notification.event();
        assertEquals(List.of(Recipient.user("u1"), Recipient.topic("workflow." + WORKFLOW)), event.recipients());
        assertEquals("Task \"report\" failed with no attempts left", event.subject());
        assertEquals(Map.of("taskId", TASK, "type", "report", "workflowId", WORKFLOW, "status", "DEAD", "reason", "why",
                "attempt", 2, "at", AT), event.data());
        assertEquals(List.of("taskId", "type", "workflowId", "status", "reason", "attempt", "at"),
                List.copyOf(event.data().keySet()),
                "in a fixed order, so that a repeat is the same request");
    }

    @Test
    void withoutACreatorAWorkflowsOutcomeGoesToItsTopicAlone() {
        NotificationEvent event = TaskNotifications.of(workflow(7, "RUNNING", "SUCCEEDED", null)).event();
        assertEquals(List.of(Recipient.topic("workflow." + WORKFLOW)), event.recipients());
        assertEquals("Workflow \"nightly\" completed", event.subject());
    }

    @Test
    void anOutcomeWithNoOneToTellIsNotPublished() {
        assertNull(TaskNotifications.of(task(1, "RUNNING", "FAILED", null, null)));
    }

    @Test
    void theSameEventIsAlwaysTheSameNotification() {
        assertEquals(TaskNotifications.of(task(9, "RUNNING", "FAILED", WORKFLOW, "u1")),
                TaskNotifications.of(task(9, "RUNNING", "FAILED", WORKFLOW, "u1")));
    }
}
