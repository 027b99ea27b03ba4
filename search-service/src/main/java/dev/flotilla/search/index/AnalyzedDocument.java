package dev.flotilla.search.index;

import dev.flotilla.search.analysis.TextAnalyzer;
import dev.flotilla.search.analysis.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Counts> counts = new HashMap<>();
        Map<String, String> words = new LinkedHashMap<>();
        int titleLength = add(titleTokens, true, 0, counts, words);
        int bodyOffset = titleTokens.size() + FIELD_GAP;
        int bodyLength = add(bodyTokens, false, bodyOffset, counts, words);
        Map<String, TermStats> terms = new HashMap<>(counts.size() * 2);
        counts.forEach((term, c) -> terms.put(term, new TermStats(c.title, c.body, c.positions)));
        return new AnalyzedDocument(titleLength, bodyLength, terms, words);
    }

    private static final class Counts {
        int title;
        int body;
        final List<Integer> positions = new ArrayList<>(4);
    }

    private static int add(List<Token> tokens, boolean title, int offset, Map<String, Counts> counts,
            Map<String, String> words) {
        int length = 0;
        for (Token token : tokens) {
            if (token.term() == null) {
                continue;
            }
            length++;
            Counts c = counts.computeIfAbsent(token.term(), t -> new Counts());
            if (title) {
                c.title++;
            } else {
                c.body++;
            }
            c.positions.add(offset + token.position());
            if (token.word() != null) {
                words.putIfAbsent(token.word(), token.term());
            }
        }
        return length;
    }
}
