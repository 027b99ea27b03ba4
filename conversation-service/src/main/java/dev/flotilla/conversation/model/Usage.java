package dev.flotilla.conversation.model;

/** The tokens a call consumed, as the provider counted them. */
public record Usage(int promptTokens, int completionTokens, int totalTokens) {
}
