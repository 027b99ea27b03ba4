package dev.flotilla.conversation.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A conversation as the API answers it. */
public record ConversationView(UUID id, String owner, String title, String description, List<String> tags,
        ConversationStatus status, String workspaceSessionId, String aiProvider, String model, UUID agentId,
        Map<String, Object> metadata, int messageCount, long tokenCount, UUID parentConversationId,
        UUID forkedFromMessageId, Instant createdAt, Instant updatedAt, int version) {

    public static ConversationView of(Conversation c) {
        return new ConversationView(c.id(), c.owner(), c.title(), c.description(), c.tags(), c.status(),
                c.workspaceSessionId(), c.aiProvider(), c.model(), c.agentId(), c.metadata().getMap(), c.messageCount(),
                c.tokenCount(), c.parentConversationId(), c.forkedFromMessageId(), c.createdAt(), c.updatedAt(),
                c.version());
    }
}
