package dev.flotilla.conversation.session;

import java.util.Map;
import java.util.UUID;

/** {@code POST /api/v1/sessions}: every field optional. */
public record CreateSession(UUID agentId, String workspaceSessionId, Map<String, Object> metadata) {
}
