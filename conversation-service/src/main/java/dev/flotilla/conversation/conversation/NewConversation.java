package dev.flotilla.conversation.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/conversations}: every field optional; {@code status} {@code ACTIVE} (the default) or
 * {@code ARCHIVED}.
 */
public record NewConversation(String title, String description, List<String> tags, String status,
        String workspaceSessionId, String aiProvider, String model, UUID agentId, Map<String, Object> metadata) {
}
