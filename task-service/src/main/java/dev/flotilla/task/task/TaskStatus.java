package dev.flotilla.task.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a task is in its life. PENDING: waiting for its time (a delay, a back-off) or for its
 * workflow dependencies. SCHEDULED: claimable. RUNNING: held by an agent under a lease. The other
 * five are final; FAILED, DEAD and TIMED_OUT may be retried by hand.
 */
public enum TaskStatus {
    PENDING,
    SCHEDULED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT,
    DEAD;

    /** Final states that are not a success: a workflow's dependents of such a task are cancelled. */
    public static final Set<TaskStatus> UNSUCCESSFUL = EnumSet.of(FAILED, CANCELLED, TIMED_OUT, DEAD);

    /** States from which {@code POST /tasks/{id}/retry} starts the task again. */
    public static final Set<TaskStatus> RETRYABLE = EnumSet.of(FAILED, DEAD, TIMED_OUT);

    public boolean terminal() {
        return this == SUCCEEDED || UNSUCCESSFUL.contains(this);
    }
}
