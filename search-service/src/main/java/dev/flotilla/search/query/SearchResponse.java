package dev.flotilla.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The answer of a search: a page of hits, facet counts over all matches, the number of matches and the time taken.
 * {@code totalExact} is false when {@code total} is a lower bound (a filtered listing without words stops counting).
 */
public record SearchResponse(List<Hit> hits, Map<String, List<FacetValue>> facets, long total, boolean totalExact, long tookMs,
        String nextCursor) {

    /** One hit: a document, or in passage mode one passage of a document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String id, double score, String title, String snippet, JsonNode metadata, PassageHit passage) {
    }

    /** The passage of a hit in passage mode, with its character offsets in the document body. */
    public record PassageHit(int index, int start, int end, String text) {
    }

    /** How many matching documents carry a value. */
    public record FacetValue(String value, long count) {
    }
}
