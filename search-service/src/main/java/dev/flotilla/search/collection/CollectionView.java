package dev.flotilla.search.collection;

import java.time.Instant;
import java.util.UUID;

/** A collection as the API shows it. */
public record CollectionView(UUID id, String name, String description, CollectionSettings settings, long documentCount,
        Instant createdAt, Instant updatedAt) {

    public static CollectionView of(Collection c) {
        return new CollectionView(c.id(), c.name(), c.description(), c.settings(), c.documentCount(), c.createdAt(),
                c.updatedAt());
    }
}
