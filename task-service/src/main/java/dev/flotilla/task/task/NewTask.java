package dev.flotilla.task.task;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything a new task row needs: the resolved {@link TaskSpec} and where it comes from (an API
 * call with an idempotency key and the user who made it, a workflow with its dependencies still to succeed, a schedule tick).
 * {@code runAt} or {@code delay} (from the database's clock) set when it becomes due; both null is now.
 */
public record NewTask(
        UUID id,
        UUID tenant,
        TaskSpec spec,
        Instant runAt,
        Duration delay,
        UUID workflowId,
        String workflowKey,
        int dependencies,
        String idempotencyKey,
        String idempotencyHash,
        UUID scheduleId,
        Instant scheduledFor,
        String createdBy) {
}
