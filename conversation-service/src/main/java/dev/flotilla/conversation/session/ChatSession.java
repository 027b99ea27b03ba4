package dev.flotilla.conversation.session;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** A user's period of chatting, kept active by use until {@code expiresAt}. */
public record ChatSession(UUID tenant, UUID id, String owner, UUID agentId, String workspaceSessionId,
        JsonObject metadata, SessionStatus status, Instant createdAt, Instant lastActiveAt, Instant expiresAt,
        Instant endedAt) {
}
