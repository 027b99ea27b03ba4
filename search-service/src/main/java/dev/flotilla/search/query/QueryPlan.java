package dev.flotilla.search.query;

import java.util.List;

/**
 * A query resolved against a collection's index, ready for {@link SearchSql}.
 *
 * @param terms the scored terms: each with the bit of the group it satisfies (0 for the words of
 *        a phrase, which the phrase itself satisfies), its weight and its document frequency
 * @param phrases phrases to verify by position; {@code bit} is the group bit a match sets
 * @param excluded terms whose documents are left out
 * @param excludedPhrases phrases whose documents are left out
 * @param required bits of the groups every match must satisfy
 * @param matchAll no positive clause: every document (that passes the filters) matches
 * @param matchNone positive clauses, none of which can match anything (stop words only, unknown prefixes)
 */
public record QueryPlan(List<ScoredTerm> terms, List<Phrase> phrases, List<String> excluded, List<Phrase> excludedPhrases,
        long required, boolean matchAll, boolean matchNone) {

    /** A term to score: {@code df} is its document frequency (for expansions, the matched word's). */
    public record ScoredTerm(String term, long bit, double weight, long df) {
    }

    /** Terms with their positions relative to the first. */
    public record Phrase(List<String> terms, List<Integer> offsets, long bit) {
    }
}
