package dev.flotilla.search.collection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The average field lengths BM25 normalises by. */
class CollectionTest {

    @Test
    void averagesAreTheTokensPerDocument() {
        Collection collection = collection(4, 20, 400);
        assertEquals(5.0, collection.averageTitleLength());
        assertEquals(100.0, collection.averageBodyLength());
    }

    @Test
    void anEmptyCollectionAveragesOneToken() {
        assertEquals(1.0, collection(0, 0, 0).averageTitleLength());
        assertEquals(1.0, collection(0, 0, 0).averageBodyLength());
    }

    @Test
    void anAverageIsAtLeastOneToken() {
        assertEquals(1.0, collection(4, 0, 2).averageTitleLength());
        assertEquals(1.0, collection(4, 0, 2).averageBodyLength());
    }

    private static Collection collection(long documents, long titleTokens, long bodyTokens) {
        Instant now = Instant.now();
        return new Collection(UUID.randomUUID(), UUID.randomUUID(), "c", null, CollectionSettings.DEFAULTS, documents,
                titleTokens,
                bodyTokens, 1, now, now);
    }
}
