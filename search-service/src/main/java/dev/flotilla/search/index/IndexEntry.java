package dev.flotilla.search.index;

import java.util.List;

/** A document with its analysis, ready for {@link IndexWriter}. */
public record IndexEntry(String id, String title, String body, List<String> tags, String metadataJson, String source,
        AnalyzedDocument analysis) {
}
