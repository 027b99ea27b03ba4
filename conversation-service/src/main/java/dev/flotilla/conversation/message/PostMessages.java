package dev.flotilla.conversation.message;

import dev.flotilla.conversation.model.ToolCall;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/conversations/{id}/messages}: one message ({@link NewMessage}'s fields) or several
 * ({@code {"messages": [...]}}), never both.
 */
public record PostMessages(String role, String content, String model, List<ToolCall> toolCalls, String toolCallId,
        Map<String, Object> metadata, Integer tokenCount, List<NewMessage> messages) {

    boolean isBatch() {
        return messages != null;
    }

    boolean hasSingleFields() {
        return role != null || content != null || model != null || toolCalls != null || toolCallId != null
                || metadata != null || tokenCount != null;
    }

    NewMessage single() {
        return new NewMessage(role, content, model, toolCalls, toolCallId, metadata, tokenCount);
    }
}
