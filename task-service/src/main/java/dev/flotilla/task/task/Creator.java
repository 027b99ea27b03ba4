package dev.flotilla.task.task;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;

/** Who a task or workflow is recorded as created by ({@code created_by}). */
public final class Creator {

    private Creator() {
    }

    /**
     * The caller's subject when the caller is a user; null for a service calling with its own
     * token, whose client id is no one to notify.
     */
    public static String of(Caller caller) {
        return caller.hasRole(Roles.SERVICE) ? null : caller.subject();
    }
}
