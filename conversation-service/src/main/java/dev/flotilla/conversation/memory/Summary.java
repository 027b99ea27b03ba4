package dev.flotilla.conversation.memory;

import dev.flotilla.conversation.model.ChatMessage;

import java.time.Instant;
import java.util.UUID;

/**
 * The model's summary of a conversation's older messages, up to and including the message at {@code coversSeq}
 * ({@code coversMessageId}); the context gives it in place of them.
 *
 * @param tokenCount its tokens as a system message, counted for {@code model}'s tokenizer when it was written
 * @param model the model that wrote it
 */
public record Summary(UUID tenant, UUID conversationId, String content, long coversSeq, UUID coversMessageId,
        int tokenCount, String model, Instant createdAt, Instant updatedAt) {

    /** What precedes the summary in the system message a model is given. */
    public static final String HEADING = "Summary of the earlier conversation:\n";

    /** The system message a model is given of it, after the system prompt. */
    public ChatMessage forModel() {
        return message(content);
    }

    static ChatMessage message(String content) {
        return ChatMessage.system(HEADING + content);
    }
}
