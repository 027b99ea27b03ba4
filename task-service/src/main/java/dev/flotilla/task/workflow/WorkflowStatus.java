package dev.flotilla.task.workflow;

/**
 * Rolled up from the workflow's tasks: PENDING until one starts, RUNNING while any is unfinished,
 * SUCCEEDED when all succeeded, FAILED when all finished and one did not succeed, CANCELLED once
 * the workflow was cancelled.
 */
public enum WorkflowStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
