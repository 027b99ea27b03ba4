package dev.flotilla.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tokens and terms {@link TextAnalyzer} makes of a text, per language. */
class TextAnalyzerTest {

    private static final TextAnalyzer ENGLISH = new TextAnalyzer(Language.ENGLISH);

    @Test
    void aStopWordKeepsItsPositionWithoutATerm() {
        assertEquals(List.of(new Token("the", null, 0, 0, 3), new Token("cat", "cat", 1, 4, 7)), ENGLISH.tokens("The cat"));
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "Hello, wonderful world!";
        Token token = ENGLISH.tokens(text).get(2);
        assertEquals("world", text.substring(token.start(), token.end()));
    }

    @Test
    void termsLeaveStopWordsOut() {
        assertEquals(List.of("cat", "mat"), ENGLISH.terms("the cat on the mat"));
    }

    @Test
    void formsOfAWordShareATerm() {
        assertEquals(ENGLISH.terms("sleep"), ENGLISH.terms("sleeping"));
        assertEquals(ENGLISH.terms("sleep"), ENGLISH.terms("sleeps"));
    }

    @Test
    void englishPossessivesAreDropped() {
        assertEquals(List.of("dog"), ENGLISH.terms("dog's"));
    }

    @Test
    void accentsAreFoldedBeforeStemming() {
        assertEquals(ENGLISH.terms("creme brulee"), ENGLISH.terms("Crème Brûlée"));
    }

    @Test
    void theWordIsLowerCasedAndFoldedButNotStemmed() {
        assertEquals("cremes", ENGLISH.word("Crèmes"));
    }

    @Test
    void aStopWordHasAWordAllTheSame() {
        assertEquals("the", ENGLISH.word("The"));
    }

    @Test
    void aWordIsCutTo64Characters() {
        Token token = ENGLISH.tokens("a".repeat(100)).get(0);
        assertEquals(64, token.word().length());
    }

    @Test
    void anEmptyOrMissingTextHasNoTokens() {
        assertEquals(List.of(), ENGLISH.tokens(""));
        assertEquals(List.of(), ENGLISH.tokens(null));
    }

    @Test
    void frenchElisionsAreRemoved() {
        TextAnalyzer french = new TextAnalyzer(Language.FRENCH);
        assertEquals(french.terms("avion"), french.terms("l'avion"));
    }

    @Test
    void frenchStopWordsAreFrench() {
        TextAnalyzer french = new TextAnalyzer(Language.FRENCH);
        assertEquals(List.of(), french.terms("le la les"));
        assertEquals(1, french.terms("the").size());
    }

    @Test
    void germanSharpSMatchesDoubleS() {
        TextAnalyzer german = new TextAnalyzer(Language.GERMAN);
        assertEquals(german.terms("Strasse"), german.terms("Straße"));
    }

    @Test
    void simpleNeitherStemsNorDropsStopWords() {
        assertEquals(List.of("the", "running", "cafe"), new TextAnalyzer(Language.SIMPLE).terms("The Running Café"));
    }

    @Test
    void anAnalyzerKnowsItsLanguage() {
        assertEquals(Language.DUTCH, new TextAnalyzer(Language.DUTCH).language());
    }
}
