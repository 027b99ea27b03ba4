package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A tenant-wide default: what users of the tenant get for the key until they set their own. */
public record DefaultView(String category, String key, JsonNode value, String updatedBy, Instant updatedAt) {
}
