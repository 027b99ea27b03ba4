package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task handed to an agent. {@code leaseId} identifies this attempt: the agent sends it with
 * every heartbeat, complete and fail; once the lease has expired it is worthless (409). A
 * workflow's task carries {@code inputs}, the result of each of its direct dependencies by key, so
 * that its agent has no need to fetch them; other tasks have none.
 */
public record ClaimedTask(
        UUID id,
        UUID leaseId,
        Instant leaseExpiresAt,
        Instant deadlineAt,
        String type,
        JsonNode payload,
        int priority,
        List<String> requiredCapabilities,
        int attempt,
        int maxAttempts,
        UUID workflowId,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode inputs) {
}
