package dev.flotilla.config.namespace;

import java.time.Instant;

/** A namespace; {@code index} is the number of its latest revision (0 before the first change), its {@code ETag}. */
public record NamespaceView(String name, String description, String createdBy, Instant createdAt, long index) {

    public String etag() {
        return "\"" + index + "\"";
    }
}
