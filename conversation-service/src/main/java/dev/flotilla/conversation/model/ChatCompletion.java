package dev.flotilla.conversation.model;

import java.util.List;

/** A whole (non-streamed) answer: {@code object} is {@code chat.completion}. */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {

    /** The first choice's message, the answer when one was asked for. */
    public ChatMessage message() {
        return choices == null || choices.isEmpty() ? null : choices.get(0).message();
    }

    public record Choice(int index, ChatMessage message, String finishReason) {
    }
}
