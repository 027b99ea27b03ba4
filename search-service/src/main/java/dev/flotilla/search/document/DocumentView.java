package dev.flotilla.search.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** A document as the API shows it; listings leave the body out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentView(String id, String title, String body, List<String> tags, JsonNode metadata, String source,
        Instant createdAt, Instant updatedAt) {

    public static DocumentView of(Document d) {
        return new DocumentView(d.id(), d.title(), d.body(), d.tags(), d.metadata(), d.source(), d.createdAt(), d.updatedAt());
    }

    public static DocumentView summary(Document d) {
        return new DocumentView(d.id(), d.title(), null, d.tags(), d.metadata(), d.source(), d.createdAt(), d.updatedAt());
    }
}
