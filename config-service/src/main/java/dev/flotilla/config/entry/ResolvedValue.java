package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;

/** One key of a resolved view: its value as the reader sees it, and the layer it comes from (null: the default). */
public record ResolvedValue(String key, JsonNode value, String type, String env, boolean secret, boolean masked) {
}
