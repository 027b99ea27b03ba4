package dev.flotilla.conversation.message;

import java.util.UUID;

/** {@code POST /api/v1/conversations/{id}/fork}: the message the new conversation's history ends with. */
public record ForkRequest(UUID atMessageId) {
}
