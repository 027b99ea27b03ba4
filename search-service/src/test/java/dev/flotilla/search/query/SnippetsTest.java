package dev.flotilla.search.query;

import dev.flotilla.search.analysis.Language;
import dev.flotilla.search.analysis.TextAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@link Snippets} picks, cuts and marks the part of a text a hit shows. */
class SnippetsTest {

    private static final TextAnalyzer ENGLISH = new TextAnalyzer(Language.ENGLISH);

    @Test
    void theMatchedWordsAreMarked() {
        assertEquals("Training a dog takes <mark>patience</mark>.",
                snippet("Training a dog takes patience.", "patience", true));
    }

    @Test
    void wordsAreMatchedByTheirAnalysedTerm() {
        assertEquals("<mark>Studies</mark> show it.", snippet("Studies show it.", "study", true));
    }

    @Test
    void whenHighlightingTheRestIsHtmlEscaped() {
        assertEquals("&lt;b&gt;<mark>cats</mark>&lt;/b&gt; &amp; &quot;dogs&quot;",
                snippet("<b>cats</b> & \"dogs\"", "cat", true));
    }

    @Test
    void withoutHighlightingTheTextIsShownAsItIs() {
        assertEquals("<b>cats</b> & dogs", snippet("<b>cats</b> & dogs", "cat", false));
    }

    @Test
    void aTextWithoutMatchesIsShownFromItsStart() {
        String text = "alpha beta gamma delta epsilon";
        assertEquals("alpha beta…", Snippets.of(ENGLISH, text, terms("zeta"), true, 12));
    }

    @Test
    void aLongTextIsCutAtWordsAroundTheMatchWithEllipses() {
        String text = "lorem ".repeat(100) + "lighthouse " + "ipsum ".repeat(100);
        String snippet = Snippets.of(ENGLISH, text, terms("lighthouse"), true, 60);
        assertTrue(snippet.startsWith("…lorem "), snippet);
        assertTrue(snippet.endsWith(" ipsum…"), snippet);
        assertTrue(snippet.contains("<mark>lighthouse</mark>"), snippet);
    }

    @Test
    void theWindowHoldsTheMostDistinctTerms() {
        String text = "river " + "filler ".repeat(60) + "stone bridge " + "filler ".repeat(60);
        String snippet = Snippets.of(ENGLISH, text, terms("river stone bridge"), true, 60);
        assertTrue(snippet.contains("<mark>stone</mark> <mark>bridge</mark>"), snippet);
        assertFalse(snippet.contains("river"), snippet);
    }

    @Test
    void whitespaceIsCollapsed() {
        assertEquals("one two three", snippet("one\n\n two\tthree ", "four", true));
    }

    @Test
    void anEmptyTextHasAnEmptySnippet() {
        assertEquals("", snippet("", "cat", true));
        assertEquals("", snippet(null, "cat", true));
    }

    private static String snippet(String text, String query, boolean highlight) {
        return Snippets.of(ENGLISH, text, terms(query), highlight, Snippets.LENGTH);
    }

    private static Set<String> terms(String query) {
        return new HashSet<>(ENGLISH.terms(query));
    }
}
