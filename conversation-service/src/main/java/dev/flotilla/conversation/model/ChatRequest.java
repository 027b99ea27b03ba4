package dev.flotilla.conversation.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What is asked of a model. {@code model} may be null: the provider's own model is used then.
 * Streaming is chosen by the method called, not here.
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        Integer maxTokens,
        List<Tool> tools,
        JsonNode toolChoice) {

    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(null, messages, null, null, null, null);
    }

    public ChatRequest withModel(String model) {
        return new ChatRequest(model, messages, temperature, maxTokens, tools, toolChoice);
    }

    public ChatRequest withTemperature(Double temperature) {
        return new ChatRequest(model, messages, temperature, maxTokens, tools, toolChoice);
    }

    public ChatRequest withTools(List<Tool> tools) {
        return new ChatRequest(model, messages, temperature, maxTokens, tools, toolChoice);
    }
}
