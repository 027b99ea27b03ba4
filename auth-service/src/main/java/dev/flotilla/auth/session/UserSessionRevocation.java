package dev.flotilla.auth.session;

import dev.flotilla.auth.user.UserSessions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Ends a user's sessions when user administration asks for it ({@link UserSessions}): the user was
 * disabled, or changed their password. Each joins the caller's transaction.
 */
@ApplicationScoped
class UserSessionRevocation implements UserSessions {

    private final SessionRepository sessions;

    UserSessionRevocation(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> endForDisabledUser(UUID tenant, UUID user) {
        return sessions.revokeAll(tenant, user, null, SessionService.REASON_DISABLED, Instant.now()).replaceWithVoid();
    }

    @Override
    public Uni<Void> endOthersAfterPasswordChange(UUID tenant, UUID user, UUID current) {
        return sessions.revokeAll(tenant, user, current, SessionService.REASON_PASSWORD, Instant.now()).replaceWithVoid();
    }
}
