package dev.flotilla.conversation.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The part of task-service's agent a chat needs; its other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegisteredAgent(UUID id, String name, List<String> tools, String modelPreference, Map<String, Object> config) {
}
