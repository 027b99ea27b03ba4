package dev.flotilla.task.task;

import java.util.UUID;

/**
 * A task row as a statement returned it: the view, plus what the API does not show but the
 * transition logic needs (tenant, the status before the statement, the current lease).
 */
public record TaskRow(UUID tenant, TaskStatus previous, UUID leaseId, TaskView view) {

    /** Whether the statement moved the task from one state to another. */
    public boolean moved() {
        return previous != view.status();
    }
}
