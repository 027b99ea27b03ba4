package dev.flotilla.conversation.conversation;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's conversation. {@code messageCount} and {@code tokenCount} follow its messages, changed in the transaction
 * of every message change; {@code lastSeq} is the sequence number of the last message appended. {@code version} counts
 * changes of the conversation's own fields (its ETag): messages do not change it, so an edit does not conflict with
 * a chat going on.
 */
public record Conversation(UUID tenant, UUID id, String owner, String title, String description, List<String> tags,
        ConversationStatus status, String workspaceSessionId, String aiProvider, String model, UUID agentId,
        JsonObject metadata, int messageCount, long tokenCount, long lastSeq, UUID parentConversationId,
        UUID forkedFromMessageId, Instant createdAt, Instant updatedAt, Instant deletedAt, int version) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
