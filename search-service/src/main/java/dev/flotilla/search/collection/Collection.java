package dev.flotilla.search.collection;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's collection of documents, with its settings and the statistics BM25 needs: the
 * number of documents and the total indexed tokens of each field. {@code indexVersion} grows with
 * every change to the index.
 */
public record Collection(UUID id, UUID tenantId, String name, String description, CollectionSettings settings,
        long documentCount, long titleTokens, long bodyTokens, long indexVersion, Instant createdAt, Instant updatedAt) {

    public double averageTitleLength() {
        return documentCount == 0 ? 1.0 : Math.max(1.0, (double) titleTokens / documentCount);
    }

    public double averageBodyLength() {
        return documentCount == 0 ? 1.0 : Math.max(1.0, (double) bodyTokens / documentCount);
    }
}
