package dev.flotilla.config.watch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A revision of a namespace as watchers learn of it: whose, which namespace, its number (the namespace's new index),
 * what made it, who and when, and the entries it touched. Never a value: secrets stay out of every announcement.
 */
public record NamespaceChange(UUID tenant, UUID namespaceId, String namespace, long index, String kind, String author,
        Instant at, List<ChangedKey> keys) {

    public NamespaceChange {
        keys = List.copyOf(keys);
    }
}
