package dev.flotilla.conversation.context;

import dev.flotilla.conversation.message.MessageView;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/conversations/{id}/context}: exactly what the next model call would be given, with its token
 * counts; {@code truncated} when older messages were left out.
 */
public record ContextView(UUID conversationId, String model, UUID agentId, String systemPrompt,
        List<MessageView> messages, Tokens tokens, int maxTokens, int maxMessages, boolean truncated) {

    /** The tokens of the system prompt, of the messages, and of both. */
    public record Tokens(int system, int messages, int total) {
    }

    static ContextView of(UUID conversationId, ModelContext context) {
        return new ContextView(conversationId, context.model(),
                context.agent() == null ? null : context.agent().agentId(), context.systemPrompt(),
                context.messages().stream().map(MessageView::of).toList(),
                new Tokens(context.systemTokens(), context.messageTokens(), context.tokens()), context.maxTokens(),
                context.maxMessages(), !context.complete());
    }
}
