package dev.flotilla.conversation.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation this one was forked from ({@code PARENT}) or that was forked from it ({@code FORK}). */
public record RelatedConversation(UUID id, Relation relation, String title, UUID forkedFromMessageId,
        Instant createdAt) {

    public enum Relation {
        PARENT,
        FORK
    }
}
