package dev.flotilla.search.query;

import com.fasterxml.jackson.databind.JsonNode;

/** A ranked document of a page of results: its key, score and what a hit shows, with its body for snippets and passages. */
record RankedDocument(long key, double score, String id, String title, String body, JsonNode metadata) {
}
