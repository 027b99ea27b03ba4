package dev.flotilla.conversation.session;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A chat session as the API answers it. */
public record SessionView(UUID id, String owner, UUID agentId, String workspaceSessionId, Map<String, Object> metadata,
        SessionStatus status, Instant createdAt, Instant lastActiveAt, Instant expiresAt, Instant endedAt) {

    static SessionView of(ChatSession session) {
        return new SessionView(session.id(), session.owner(), session.agentId(), session.workspaceSessionId(),
                session.metadata().getMap(), session.status(), session.createdAt(), session.lastActiveAt(),
                session.expiresAt(), session.endedAt());
    }
}
