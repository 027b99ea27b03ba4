package dev.flotilla.search.query;

import dev.flotilla.search.query.QueryParser.Clause;
import dev.flotilla.search.query.QueryParser.Kind;
import dev.flotilla.search.query.QueryParser.Occur;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The query language as {@link QueryParser} reads it, clause by clause. */
class QueryParserTest {

    @Test
    void aWordIsATermThatShouldMatch() {
        assertEquals(List.of(new Clause("cat", Kind.WORD, Occur.SHOULD, 0)), QueryParser.parse("cat"));
    }

    @Test
    void wordsSeparatedBySpacesAreGroupsOfTheirOwn() {
        assertEquals(List.of(new Clause("stone", Kind.WORD, Occur.SHOULD, 0), new Clause("bridge", Kind.WORD, Occur.SHOULD, 1)),
                QueryParser.parse("stone  bridge"));
    }

    @Test
    void aQuotedPhraseIsOneClause() {
        assertEquals(List.of(new Clause("machine learning", Kind.PHRASE, Occur.SHOULD, 0)),
                QueryParser.parse("\"machine learning\""));
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertEquals(List.of(new Clause("fresh water", Kind.PHRASE, Occur.SHOULD, 0)), QueryParser.parse("\"fresh water"));
    }

    @Test
    void aQuoteEndsTheWordBeforeIt() {
        assertEquals(List.of(new Clause("cat", Kind.WORD, Occur.SHOULD, 0), new Clause("dog", Kind.PHRASE, Occur.SHOULD, 1)),
                QueryParser.parse("cat\"dog\""));
    }

    @Test
    void emptyQuotesAreNoClause() {
        assertEquals(List.of(), QueryParser.parse("\"\" \"  \""));
    }

    @Test
    void aMinusExcludesTheWord() {
        assertEquals(List.of(new Clause("engine", Kind.WORD, Occur.MUST_NOT, 0)), QueryParser.parse("-engine"));
    }

    @Test
    void aMinusExcludesAPhrase() {
        assertEquals(List.of(new Clause("neural networks", Kind.PHRASE, Occur.MUST_NOT, 0)),
                QueryParser.parse("-\"neural networks\""));
    }

    @Test
    void aPlusRequiresTheWord() {
        assertEquals(List.of(new Clause("copper", Kind.WORD, Occur.MUST, 0)), QueryParser.parse("+copper"));
    }

    @Test
    void aMinusFollowedByASpaceExcludesNothing() {
        assertEquals(List.of(), QueryParser.parse("cat - dog").stream().filter(c -> c.occur() != Occur.SHOULD).toList());
    }

    @Test
    void aTrailingStarMakesAPrefix() {
        assertEquals(List.of(new Clause("gard", Kind.PREFIX, Occur.SHOULD, 0)), QueryParser.parse("gard**"));
    }

    @Test
    void aStarInsideAWordIsDropped() {
        assertEquals(List.of(new Clause("cat", Kind.WORD, Occur.SHOULD, 0)), QueryParser.parse("c*at"));
    }

    @Test
    void aLoneStarIsNoClause() {
        assertEquals(List.of(), QueryParser.parse("*"));
    }

    @Test
    void orJoinsTheClausesBesideItIntoOneGroup() {
        assertEquals(
                List.of(new Clause("lantern", Kind.WORD, Occur.SHOULD, 0), new Clause("harbor", Kind.WORD, Occur.SHOULD, 0),
                        new Clause("meadow", Kind.WORD, Occur.SHOULD, 1)),
                QueryParser.parse("lantern OR harbor meadow"));
    }

    @Test
    void twoPipesAreOr() {
        assertEquals(List.of(0, 0), groups("coffee || patience"));
    }

    @Test
    void aLowerCaseOrIsAWord() {
        assertEquals(List.of("coffee", "or", "patience"),
                QueryParser.parse("coffee or patience").stream().map(Clause::text).toList());
    }

    @Test
    void orAtTheStartJoinsNothing() {
        assertEquals(List.of(new Clause("cat", Kind.WORD, Occur.SHOULD, 0)), QueryParser.parse("OR cat"));
    }

    @Test
    void anExclusionNeverJoinsAnOrGroup() {
        assertEquals(List.of(0, 1), groups("cat OR -dog"));
        assertEquals(List.of(0, 1), groups("-cat OR dog"));
    }

    @Test
    void andIsIgnored() {
        assertEquals(List.of("warm", "water"), QueryParser.parse("warm AND water && ").stream().map(Clause::text).toList());
    }

    @Test
    void parenthesesAreIgnored() {
        assertEquals(List.of("cat", "dog"), QueryParser.parse("((( cat) (dog").stream().map(Clause::text).toList());
    }

    @Test
    void aMissingOrBlankQueryHasNoClauses() {
        assertEquals(List.of(), QueryParser.parse(null));
        assertEquals(List.of(), QueryParser.parse(" \t\n"));
    }

    private static List<Integer> groups(String query) {
        return QueryParser.parse(query).stream().map(Clause::group).toList();
    }
}
