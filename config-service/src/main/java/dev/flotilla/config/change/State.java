package dev.flotilla.config.change;

import dev.flotilla.common.error.BadRequest;

/**
 * Where a change request is: OPEN until an admin other than its author approves or rejects it, or its author cancels
 * it; SCHEDULED when approved with an {@code applyAt} still to come; then APPLIED (all its changes, as one revision) or
 * FAILED (none of them: one no longer applied), or REJECTED or CANCELLED.
 */
enum State {
    OPEN,
    SCHEDULED,
    APPLIED,
    FAILED,
    REJECTED,
    CANCELLED;

    /** Whether it can still be applied, rejected or cancelled. */
    boolean pending() {
        return this == OPEN || this == SCHEDULED;
    }

    static State parse(String field, String text) {
        for (State state : values()) {
            if (state.name().equals(text)) {
                return state;
            }
        }
        throw new BadRequest(field, "must be one of OPEN, SCHEDULED, APPLIED, FAILED, REJECTED, CANCELLED");
    }
}
