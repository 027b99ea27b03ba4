package dev.flotilla.search.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One line of an NDJSON export: exactly what an import reads back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportedDocument(String id, String title, String body, List<String> tags, JsonNode metadata, String source) {

    public static ExportedDocument of(Document d) {
        return new ExportedDocument(d.id(), d.title(), d.body(), d.tags(), d.metadata(), d.source());
    }
}
