package dev.flotilla.task.task;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/tasks}. {@code runAt} (an instant) and {@code delay} (a duration)
 * are alternatives; neither means now. {@code timeout} bounds one attempt, heartbeats or not.
 */
public record CreateTask(
        @NotBlank @Size(max = 200) String type,
        JsonNode payload,
        @Min(value = 0, message = "must be between 0 and 9") @Max(value = 9, message = "must be between 0 and 9") Integer priority,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> requiredCapabilities,
        Instant runAt,
        Duration delay,
        Duration timeout,
        @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100") Integer maxAttempts,
        @Valid Backoff backoff,
        UUID workflowId) {
}
