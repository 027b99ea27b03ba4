package dev.flotilla.config.namespace;

import java.util.UUID;

/** A namespace locked by a change, and the number of the revision the change writes. */
public record NamespaceIndex(UUID id, long index) {
}
