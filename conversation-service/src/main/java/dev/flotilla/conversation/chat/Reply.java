package dev.flotilla.conversation.chat;

import dev.flotilla.conversation.model.ChatCompletion;
import dev.flotilla.conversation.model.ChatMessage;
import dev.flotilla.conversation.model.ToolCall;
import dev.flotilla.conversation.model.Usage;

import java.util.List;

/** A model's answer to a turn, whole or as far as it came: to be stored as the assistant's message. */
record Reply(String content, List<ToolCall> toolCalls, String model, String finishReason, Usage usage) {

    static Reply of(ChatCompletion completion) {
        ChatMessage message = completion.message();
        ChatCompletion.Choice first = completion.choices() == null || completion.choices().isEmpty() ? null
                : completion.choices().get(0);
        return new Reply(message == null ? "" : message.content(),
                message == null || message.toolCalls() == null ? List.of() : message.toolCalls(), completion.model(),
                first == null ? null : first.finishReason(), completion.usage());
    }
}
