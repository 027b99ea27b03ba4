package dev.flotilla.conversation.message;

import dev.flotilla.conversation.model.ToolCall;

import java.util.List;
import java.util.Map;

/**
 * A message to append: {@code role} ({@code user}, {@code assistant}, {@code system}, {@code tool}) required;
 * {@code content}, except for an assistant's message with tool calls; {@code toolCallId} for a tool's message;
 * {@code tokenCount} computed with the model's tokenizer when absent.
 */
public record NewMessage(String role, String content, String model, List<ToolCall> toolCalls, String toolCallId,
        Map<String, Object> metadata, Integer tokenCount) {
}
