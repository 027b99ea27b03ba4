package dev.flotilla.conversation.customization;

import java.time.Instant;
import java.util.UUID;

/** A user's own instructions for an agent, added to the agent's system prompt when enabled. */
public record PromptCustomization(UUID tenant, UUID id, String owner, UUID agentId, String name, String instructions,
        boolean enabled, Instant createdAt, Instant updatedAt, int version) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
