package dev.flotilla.task.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.task.task.Backoff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.List;

/** One task of a workflow, named by a {@code key} unique within it, with the keys it depends on. */
public record WorkflowTask(
        @NotBlank @Size(max = 100) String key,
        @NotBlank @Size(max = 200) String type,
        JsonNode payload,
        @Min(value = 0, message = "must be between 0 and 9") @Max(value = 9, message = "must be between 0 and 9") Integer priority,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> requiredCapabilities,
        Duration timeout,
        @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100") Integer maxAttempts,
        @Valid Backoff backoff,
        @Size(max = 100) List<@NotBlank String> dependsOn) {
}
