package dev.flotilla.task.outbox;

import dev.flotilla.common.notification.NotificationEvent;
import dev.flotilla.common.notification.Recipient;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which state changes people are told about, and how. Only outcomes are:
 * <ul>
 * <li>a task that ends: {@code task.succeeded}, {@code task.failed} (not retryable),
 * {@code task.dead} (no attempts left), {@code task.timed-out}, {@code task.cancelled} — except the
 * cancellation of a workflow's task, which its workflow's own outcome announces (a failed task
 * cancels its dependents; a cancelled workflow, its tasks);</li>
 * <li>a workflow that ends: {@code workflow.completed}, {@code workflow.failed},
 * {@code workflow.cancelled}.</li>
 * </ul>
 * Every other change (created, scheduled, claimed, retried, a workflow started) goes unannounced.
 * The recipients are the creator of the task or workflow (a user, when one created it) and, for a
 * workflow and its tasks, the topic {@code workflow.<id>}; an outcome with neither is not published.
 * Each is published under the key {@code task-outbox-<event id>}, so an event delivered again is
 * the same request under the same key, and notification-service answers it with the first event.
 */
final class TaskNotifications {

    static final String TASK_TOPIC = "task.status-changed";
    static final String WORKFLOW_TOPIC = "workflow.status-changed";

    private TaskNotifications() {
    }

    /** An event to publish for a tenant under its idempotency key. */
    record Notification(UUID tenant, String idempotencyKey, NotificationEvent event) {
    }

    /** The notification announcing {@code message}, or null when it is not announced. */
    static Notification of(OutboxMessage message) {
        JsonObject payload = message.payload();
        String to = payload.getString("to");
        if (to == null || to.equals(payload.getString("from"))) {
            return null;
        }
        return switch (message.topic()) {
            case TASK_TOPIC -> task(message, payload, to);
            case WORKFLOW_TOPIC -> workflow(message, payload, to);
            default -> null;
        };
    }

    private static Notification task(OutboxMessage message, JsonObject payload, String to) {
        String workflow = payload.getString("workflowId");
        String[] outcome = switch (to) {
            case "SUCCEEDED" -> new String[] { "task.succeeded", "succeeded" };
            case "FAILED" -> new String[] { "task.failed", "failed" };
            case "DEAD" -> new String[] { "task.dead", "failed with no attempts left" };
            case "TIMED_OUT" -> new String[] { "task.timed-out", "timed out" };
            case "CANCELLED" -> workflow == null ? new String[] { "task.cancelled", "was cancelled" } : null;
            default -> null;
        };
        if (outcome == null) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", payload.getString("taskId"));
        data.put("type", payload.getString("type"));
        putIfPresent(data, "workflowId", workflow);
        data.put("status", to);
        data.put("reason", payload.getString("reason"));
        data.put("attempt", payload.getInteger("attempt"));
        putIfPresent(data, "agentId", payload.getString("agentId"));
        data.put("at", payload.getString("at"));
        return notification(message, outcome[0], "Task \"" + payload.getString("type") + "\" " + outcome[1],
                payload.getString("createdBy"), workflow, data);
    }

    private static Notification workflow(OutboxMessage message, JsonObject payload, String to) {
        String[] outcome = switch (to) {
            case "SUCCEEDED" -> new String[] { "workflow.completed", "completed" };
            case "FAILED" -> new String[] { "workflow.failed", "failed" };
            case "CANCELLED" -> new String[] { "workflow.cancelled", "was cancelled" };
            default -> null;
        };
        if (outcome == null) {
            return null;
        }
        String workflow = payload.getString("workflowId");
        String name = payload.getString("name");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workflowId", workflow);
        putIfPresent(data, "name", name);
        data.put("status", to);
        data.put("at", payload.getString("at"));
        return notification(message, outcome[0],
                "Workflow " + (name == null ? workflow : "\"" + name + "\"") + " " + outcome[1],
                payload.getString("createdBy"), workflow, data);
    }

    private static Notification notification(OutboxMessage message, String type, String subject, String creator,
            String workflow, Map<String, Object> data) {
        List<Recipient> recipients = new ArrayList<>(2);
        if (creator != null && !creator.isBlank()) {
            recipients.add(Recipient.user(creator));
        }
        if (workflow != null) {
            recipients.add(Recipient.topic("workflow." + workflow));
        }
        if (recipients.isEmpty()) {
            return null;
        }
        return new Notification(message.tenant(), key(message),
                NotificationEvent.of(type, subject, recipients, data));
    }

    /** The idempotency key of the event's notification. */
    static String key(OutboxMessage message) {
        return "task-outbox-" + message.id();
    }

    private static void putIfPresent(Map<String, Object> data, String name, Object value) {
        if (value != null) {
            data.put(name, value);
        }
    }
}
