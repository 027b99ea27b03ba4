package dev.flotilla.conversation.message;

import dev.flotilla.conversation.model.ToolCall;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message of a conversation, at its place {@code seq} (increasing, with gaps where messages were deleted). */
public record Message(UUID tenant, UUID conversationId, long seq, UUID id, MessageRole role, String content,
        String model, List<ToolCall> toolCalls, String toolCallId, JsonObject metadata, int tokenCount,
        Instant createdAt) {
}
