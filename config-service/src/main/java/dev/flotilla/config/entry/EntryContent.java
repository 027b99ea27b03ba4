package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;

/** An entry as its writer gives it and a reader allowed to see secrets reads it: the value in plain. */
public record EntryContent(EntryType type, JsonNode value, boolean secret, JsonNode schema, String description) {
}
