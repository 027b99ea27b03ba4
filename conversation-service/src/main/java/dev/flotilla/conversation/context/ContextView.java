package dev.flotilla.conversation.context;

import dev.flotilla.conversation.message.MessageView;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/conversations/{id}/context}: exactly what the next model call would be given, with its token
 * counts; {@code summary} null when the conversation has none; {@code truncated} when older messages were left out
 * that the summary does not cover either.
 */
public record ContextView(UUID conversationId, String model, UUID agentId, String systemPrompt, SummaryView summary,
        List<MessageView> messages, Tokens tokens, int maxTokens, int maxMessages, boolean truncated) {

    /** The summary of the older messages, up to and including {@code coversMessageId}, with its tokens. */
    public record SummaryView(String content, UUID coversMessageId, int tokens) {
    }

    /** The tokens of the system prompt, of the summary, of the messages, and of all. */
    public record Tokens(int system, int summary, int messages, int total) {
    }

    static ContextView of(UUID conversationId, ModelContext context) {
        return new ContextView(conversationId, context.model(),
                context.agent() == null ? null : context.agent().agentId(), context.systemPrompt(),
                context.summary() == null ? null
                        : new SummaryView(context.summary().content(), context.summary().coversMessageId(),
                                context.summaryTokens()),
                context.messages().stream().map(MessageView::of).toList(),
                new Tokens(context.systemTokens(), context.summaryTokens(), context.messageTokens(), context.tokens()),
                context.maxTokens(), context.maxMessages(), !context.complete());
    }
}
