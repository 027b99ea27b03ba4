package dev.flotilla.search.document;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A document as a client writes it: the body of {@code PUT .../documents/{id}} and, with its
 * {@code id}, one line of an NDJSON import. Checked by {@link DocumentContent#of}.
 */
public record DocumentInput(String id, String title, String body, List<String> tags, JsonNode metadata, String source) {
}
