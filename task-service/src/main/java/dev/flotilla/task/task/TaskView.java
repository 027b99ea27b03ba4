package dev.flotilla.task.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the API shows it. {@code events} (its history, oldest first) is present on
 * {@code GET /api/v1/tasks/{id}} only. The lease id is never shown here: only the claiming agent
 * receives it.
 */
public record TaskView(
        UUID id,
        String type,
        JsonNode payload,
        int priority,
        List<String> requiredCapabilities,
        TaskStatus status,
        Instant runAt,
        Duration timeout,
        int attempt,
        int maxAttempts,
        Backoff backoff,
        UUID workflowId,
        String workflowKey,
        UUID scheduleId,
        Instant scheduledFor,
        UUID agentId,
        Instant leaseExpiresAt,
        Instant deadlineAt,
        boolean cancelRequested,
        Double progress,
        String progressMessage,
        JsonNode result,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TaskEventView> events) {

    public TaskView withEvents(List<TaskEventView> history) {
        return new TaskView(id, type, payload, priority, requiredCapabilities, status, runAt, timeout, attempt, maxAttempts,
                backoff, workflowId, workflowKey, scheduleId, scheduledFor, agentId, leaseExpiresAt, deadlineAt,
                cancelRequested, progress, progressMessage, result, error, createdAt, updatedAt, startedAt, finishedAt,
                history);
    }
}
