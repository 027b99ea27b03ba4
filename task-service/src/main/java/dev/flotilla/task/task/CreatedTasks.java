package dev.flotilla.task.task;

import java.util.List;

/**
 * The answer to {@code POST /api/v1/tasks/batch}: each task in the order of the request, and whether an idempotency key
 * replayed it.
 */
public record CreatedTasks(List<TaskService.Created> tasks) {

    /** The answer under {@code Prefer: return=minimal}: of each task only its id, status and whether it was replayed. */
    public record Minimal(List<CreatedTask> tasks) {
    }

    Minimal minimal() {
        return new Minimal(tasks.stream().map(CreatedTask::of).toList());
    }
}
