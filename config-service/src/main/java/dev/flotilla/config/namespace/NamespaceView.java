package dev.flotilla.config.namespace;

import java.time.Instant;

/**
 * A namespace; {@code index} is the number of its latest revision (0 before the first change), its {@code ETag}.
 * {@code requiresApproval}: its entries change only through approved change requests.
 */
public record NamespaceView(String name, String description, String createdBy, Instant createdAt, long index,
        boolean requiresApproval) {

    public String etag() {
        return "\"" + index + "\"";
    }
}
