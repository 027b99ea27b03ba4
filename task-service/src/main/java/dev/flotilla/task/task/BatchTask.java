package dev.flotilla.task.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One task of {@code POST /api/v1/tasks/batch}: the task as {@code POST /api/v1/tasks} takes it,
 * and its own idempotency key (what the {@code Idempotency-Key} header is for a single task).
 */
public record BatchTask(@Size(max = 200) String idempotencyKey, @NotNull @Valid CreateTask task) {
}
