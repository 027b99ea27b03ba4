package dev.flotilla.search.analysis;

/**
 * One token of a text: its surface {@code word} (lower-cased, accent-folded), the indexed
 * {@code term} (stemmed; {@code null} for a stop word), its position and character offsets.
 */
public record Token(String word, String term, int position, int start, int end) {
}
