package dev.flotilla.conversation.export;

import dev.flotilla.conversation.conversation.ConversationView;
import dev.flotilla.conversation.message.MessageView;

import java.time.Instant;
import java.util.List;

/** A conversation exported as JSON: the conversation and its messages in order, as the API answers them. */
public record ExportDocument(ConversationView conversation, List<MessageView> messages, Instant exportedAt) {
}
