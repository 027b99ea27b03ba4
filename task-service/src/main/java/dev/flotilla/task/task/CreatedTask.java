package dev.flotilla.task.task;

import java.util.UUID;

/**
 * One task of the minimal answer to {@code POST /api/v1/tasks/batch}: its id and status, and whether an idempotency key
 * replayed it.
 */
public record CreatedTask(UUID id, TaskStatus status, boolean replayed) {

    static CreatedTask of(TaskService.Created created) {
        return new CreatedTask(created.task().id(), created.task().status(), created.replayed());
    }
}
