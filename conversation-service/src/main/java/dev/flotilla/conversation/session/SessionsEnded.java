package dev.flotilla.conversation.session;

import java.util.Set;
import java.util.UUID;

/** Fired (CDI) when sessions end or expire: the users whose chats may have stopped, as (tenant, user). */
public record SessionsEnded(Set<User> users) {

    public record User(UUID tenant, String subject) {
    }
}
