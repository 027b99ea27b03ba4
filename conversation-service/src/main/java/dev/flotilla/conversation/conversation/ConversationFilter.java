package dev.flotilla.conversation.conversation;

import java.util.UUID;

/** What a list of conversations is narrowed to; each null when not asked for. */
public record ConversationFilter(ConversationStatus status, String tag, String workspaceSessionId, UUID agentId,
        String titleContains) {
}
