package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** One task of {@code POST /api/v1/tasks/completions}: the task, the lease it is held under, its result (any JSON). */
public record TaskCompletion(@NotNull UUID id, @NotNull UUID leaseId, JsonNode result) {
}
