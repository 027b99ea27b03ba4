package dev.flotilla.task.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The body of {@code POST /api/v1/tasks/{id}/fail}. A retryable failure (the default) goes back to
 * the queue after a back-off while attempts remain, and is DEAD after the last; a non-retryable one
 * is FAILED at once.
 */
public record FailTask(@NotNull UUID leaseId, @NotBlank @Size(max = 4000) String error, Boolean retryable) {
}
