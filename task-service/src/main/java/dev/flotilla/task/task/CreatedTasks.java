package dev.flotilla.task.task;

import java.util.List;

/** The answer to {@code POST /api/v1/tasks/batch}: each task in the order of the request, and whether an idempotency key replayed it. */
public record CreatedTasks(List<TaskService.Created> tasks) {
}
