package dev.flotilla.conversation.model;

import java.util.List;

/**
 * One message of a Chat Completions conversation: {@code role} is {@code system}, {@code user},
 * {@code assistant} or {@code tool}; an assistant's message may carry tool calls instead of
 * content, and a tool's message names the call it answers.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, null, null, null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, null, null, null);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, null, null, null);
    }

    public static ChatMessage toolResult(String toolCallId, String content) {
        return new ChatMessage("tool", content, null, toolCallId, null);
    }
}
