package dev.flotilla.conversation.access;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;

/**
 * Whose rows a caller reaches: a member (or viewer, or service) its own, an admin every user's of the tenant. Another
 * user's row is then simply not found (404), as another tenant's is.
 */
public final class OwnerScope {

    private OwnerScope() {
    }

    /** The owner the caller's reads and changes are limited to; null when any user's of the tenant. */
    public static String of(Caller caller) {
        return caller.hasRole(Roles.ADMIN) ? null : caller.subject();
    }
}
