package dev.flotilla.conversation.session;

/** Where a chat session stands: in use, ended by its user, or expired after its time to live without use. */
public enum SessionStatus {
    ACTIVE,
    ENDED,
    EXPIRED
}
