package dev.flotilla.search.index;

import dev.flotilla.search.analysis.Language;
import dev.flotilla.search.analysis.TextAnalyzer;
import dev.flotilla.search.index.AnalyzedDocument.TermStats;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the index stores of one document's title and body. */
class AnalyzedDocumentTest {

    private static final TextAnalyzer ENGLISH = new TextAnalyzer(Language.ENGLISH);

    @Test
    void aTermCountsItsTitleAndBodyOccurrencesApart() {
        AnalyzedDocument analysis = AnalyzedDocument.of(ENGLISH, "Cats", "A cat sleeps. Cats nap.");
        assertEquals(1, analysis.terms().get("cat").titleFrequency());
        assertEquals(2, analysis.terms().get("cat").bodyFrequency());
    }

    @Test
    void bodyPositionsFollowTheTitleAfterAGap() {
        AnalyzedDocument analysis = AnalyzedDocument.of(ENGLISH, "Stone bridge", "river");
        assertEquals(List.of(2 + AnalyzedDocument.FIELD_GAP), analysis.terms().get("river").positions());
    }

    @Test
    void stopWordsKeepTheirPlaceButAreNotCounted() {
        AnalyzedDocument analysis = AnalyzedDocument.of(ENGLISH, "The cat", "of the mat");
        assertEquals(1, analysis.titleLength());
        assertEquals(1, analysis.bodyLength());
        assertEquals(new TermStats(1, 0, List.of(1)), analysis.terms().get("cat"));
        assertEquals(List.of(2 + AnalyzedDocument.FIELD_GAP + 2), analysis.terms().get("mat").positions());
    }

    @Test
    void theWordsAreTheSurfaceFormsWithTheirTermsFirstSeenFirst() {
        AnalyzedDocument analysis = AnalyzedDocument.of(ENGLISH, "Sleeping cats", "the cat sleeps");
        assertEquals(Map.of("sleeping", "sleep", "cats", "cat", "cat", "cat", "sleeps", "sleep"), analysis.words());
        assertEquals(List.of("sleeping", "cats", "cat", "sleeps"), List.copyOf(analysis.words().keySet()));
    }

    @Test
    void anEmptyDocumentHasNoTerms() {
        AnalyzedDocument analysis = AnalyzedDocument.of(ENGLISH, "", null);
        assertEquals(0, analysis.titleLength());
        assertEquals(Map.of(), analysis.terms());
    }
}
