package dev.flotilla.search.document;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** A stored document. */
public record Document(long key, String id, String title, String body, List<String> tags, JsonNode metadata, String source,
        Instant createdAt, Instant updatedAt) {
}
