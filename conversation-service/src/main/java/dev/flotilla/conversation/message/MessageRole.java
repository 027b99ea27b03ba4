package dev.flotilla.conversation.message;

import java.util.Locale;

/** Who wrote a message, as the Chat Completions format names them. */
public enum MessageRole {
    USER,
    ASSISTANT,
    SYSTEM,
    TOOL;

    /** The name in JSON and in the database: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MessageRole of(String wire) {
        for (MessageRole role : values()) {
            if (role.wire().equals(wire)) {
                return role;
            }
        }
        return null;
    }
}
