package dev.flotilla.auth.user;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * What user administration needs of the users' login sessions: that they end when a user is
 * disabled or changes their password. Implemented where the sessions are kept, which depends on
 * users, so that users do not depend on sessions. Both join the caller's transaction.
 */
public interface UserSessions {

    /** Ends every live session of a user who was disabled. */
    Uni<Void> endForDisabledUser(UUID tenant, UUID user);

    /** Ends every live session of a user who changed their password, except {@code current} (may be null). */
    Uni<Void> endOthersAfterPasswordChange(UUID tenant, UUID user, UUID current);
}
