package dev.flotilla.search.query;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a search request means where it says nothing. */
class SearchRequestTest {

    private static final SearchRequest EMPTY = new SearchRequest(null, null, null, null, null, null, null, null, null);

    @Test
    void aPageHoldsTenHitsUnlessSaidOtherwise() {
        assertEquals(10, EMPTY.limitOrDefault());
        assertEquals(3, new SearchRequest(null, null, null, 3, null, null, null, null, null).limitOrDefault());
    }

    @Test
    void snippetsAreHighlightedUnlessSwitchedOff() {
        assertTrue(EMPTY.highlightOrDefault());
        assertFalse(new SearchRequest(null, null, null, null, null, false, null, null, null).highlightOrDefault());
    }

    @Test
    void documentsAreRankedUnlessPassagesAreAskedFor() {
        assertFalse(EMPTY.passages());
        assertFalse(new SearchRequest(null, null, null, null, null, null, null, "documents", null).passages());
        assertTrue(new SearchRequest(null, null, null, null, null, null, null, "passages", null).passages());
    }
}
