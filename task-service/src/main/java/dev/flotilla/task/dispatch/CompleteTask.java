package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The body of {@code POST /api/v1/tasks/{id}/complete}: the lease and the task's result (any JSON). */
public record CompleteTask(@NotNull UUID leaseId, JsonNode result) {
}
