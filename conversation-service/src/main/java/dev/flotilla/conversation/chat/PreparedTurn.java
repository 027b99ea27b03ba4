package dev.flotilla.conversation.chat;

import dev.flotilla.conversation.conversation.Conversation;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.model.ChatRequest;
import dev.flotilla.conversation.retrieval.Retrieved;

/**
 * A turn ready for the model: the user's message (the last message of the turn) stored, the passages found, the
 * request built; {@code owner} is whose conversations the caller reaches (null for an admin), {@code actor} the
 * caller.
 */
public record PreparedTurn(Conversation conversation, Message userMessage, Retrieved retrieved, ChatRequest request,
        String owner, String actor) {
}
