package dev.flotilla.auth.session;

import java.time.Instant;
import java.util.UUID;

/** A live login session as its user sees it; {@code current} marks the one the request came with. */
public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        String clientAddress, String userAgent, boolean current) {

    static SessionView of(LoginSession session, UUID current) {
        return new SessionView(session.id, session.createdAt, session.lastUsedAt, session.expiresAt,
                session.clientAddress, session.userAgent, session.id.equals(current));
    }
}
