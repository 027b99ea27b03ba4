package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One stored value: a user's own setting or a tenant's default. */
record Stored(JsonNode value, Instant updatedAt) {
}
