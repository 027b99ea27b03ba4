package dev.flotilla.conversation.conversation;

/** Where a conversation is: in use, put away by its user, or deleted (hidden, purged after the retention period). */
public enum ConversationStatus {
    ACTIVE,
    ARCHIVED,
    DELETED
}
