package dev.flotilla.search.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the index stores for one document: per term the frequencies in title and body and the
 * positions (title first, then the body after a gap so that no phrase spans the two), the field
 * lengths in indexed tokens, and the distinct surface words with their terms for the vocabulary.
 */
public record AnalyzedDocument(int titleLength, int bodyLength, Map<String, TermStats> terms, Map<String, String> words) {

    /** Positions between the title and the body: a phrase never matches across them. */
    public static final int FIELD_GAP = 100;

    /** Frequencies and positions of one term in one document. */
    public record TermStats(int titleFrequency, int bodyFrequency, List<Integer> positions) {
    }

    public static AnalyzedDocument of(TextAnalyzer analyzer, String title, String body) {
        List<Token> titleTokens = analyzer.tokens(title);
        List<Token> bodyTokens = analyzer.tokens(body);
        Map<String, int[]> frequencies = new TreeMap<>();
        Map<String, List<Integer>> positions = new TreeMap<>();
        Map<String, String> words = new LinkedHashMap<>();
        int titleLength = add(titleTokens, 0, 0, frequencies, positions, words);
        int bodyOffset = titleTokens.size() + FIELD_GAP;
        int bodyLength = add(bodyTokens, 1, bodyOffset, frequencies, positions, words);
        Map<String, TermStats> terms = new TreeMap<>();
        frequencies.forEach((term, f) -> terms.put(term, new TermStats(f[0], f[1], positions.get(term))));
        return new AnalyzedDocument(titleLength, bodyLength, terms, words);
    }

    private static int add(List<Token> tokens, int field, int offset, Map<String, int[]> frequencies,
                           Map<String, List<Integer>> positions, Map<String, String> words) {
        int length = 0;
        for (Token token : tokens) {
            if (token.term() == null) {
                continue;
            }
            length++;
            frequencies.computeIfAbsent(token.term(), t -> new int[2])[field]++;
            positions.computeIfAbsent(token.term(), t -> new ArrayList<>()).add(offset + token.position());
            if (token.word() != null) {
                words.putIfAbsent(token.word(), token.term());
            }
        }
        return length;
    }
}
