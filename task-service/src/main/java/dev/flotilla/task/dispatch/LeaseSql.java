package dev.flotilla.task.dispatch;

/** SQL fragments shared by the statements that end an attempt. */
final class LeaseSql {

    /** The back-off before the next attempt: exponential, capped, with up to half taken off at random. */
    static final String BACKOFF = "least(t.backoff_max_ms, t.backoff_initial_ms * power(t.backoff_multiplier, greatest(t.attempt - 1, 0)))"
            + " * (0.5 + random() * 0.5) * interval '1 millisecond'";

    /** The state a task goes back to for another attempt: claimable at once without back-off, else waiting. */
    static final String REQUEUED = "case when t.backoff_initial_ms = 0 then 'SCHEDULED' else 'PENDING' end";

    private LeaseSql() {
    }
}
