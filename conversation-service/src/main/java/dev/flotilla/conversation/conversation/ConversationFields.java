package dev.flotilla.conversation.conversation;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/** What a user sets of a conversation, checked ({@link ConversationRules}). */
public record ConversationFields(String title, String description, List<String> tags, ConversationStatus status,
        String workspaceSessionId, String aiProvider, String model, UUID agentId, JsonObject metadata) {
}
