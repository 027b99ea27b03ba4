package dev.flotilla.conversation.message;

import dev.flotilla.conversation.model.ToolCall;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A message as the API answers it. */
public record MessageView(UUID id, UUID conversationId, long seq, String role, String content, String model,
        List<ToolCall> toolCalls, String toolCallId, Map<String, Object> metadata, int tokenCount, Instant createdAt) {

    public static MessageView of(Message m) {
        return new MessageView(m.id(), m.conversationId(), m.seq(), m.role().wire(), m.content(), m.model(),
                m.toolCalls(), m.toolCallId(), m.metadata().getMap(), m.tokenCount(), m.createdAt());
    }
}
