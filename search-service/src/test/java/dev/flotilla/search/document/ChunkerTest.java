package dev.flotilla.search.document;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@link Chunker} splits a body into passages. */
class ChunkerTest {

    @Test
    void aShortTextIsOnePassage() {
        assertEquals(List.of(new Passage(0, 0, 12, "Hello world.")), Chunker.split("Hello world.", 100, 10));
    }

    @Test
    void anEmptyOrBlankTextHasNoPassages() {
        assertEquals(List.of(), Chunker.split("", 100, 10));
        assertEquals(List.of(), Chunker.split(" \n\t ", 100, 10));
    }

    @Test
    void whitespaceAroundThePassagesIsLeftOut() {
        assertEquals(List.of(new Passage(0, 2, 7, "Hello")), Chunker.split("  Hello \n", 100, 10));
    }

    @Test
    void aPassageEndsAtAParagraphBreakInTheLastThirdOfTheWindow() {
        String first = words(80);
        String text = first + "\n\n" + words(80);
        List<Passage> passages = Chunker.split(text, 100, 0);
        assertEquals(first, passages.get(0).text());
        assertEquals(first.length() + 2, passages.get(1).start());
    }

    @Test
    void withoutAParagraphBreakAPassageEndsAfterASentence() {
        String first = words(70) + ".";
        List<Passage> passages = Chunker.split(first + " " + words(80), 100, 0);
        assertEquals(first, passages.get(0).text());
    }

    @Test
    void withoutASentenceEndAPassageEndsAtASpace() {
        String text = words(200);
        for (Passage passage : Chunker.split(text, 100, 0)) {
            assertTrue(passage.end() == text.length() || text.charAt(passage.end()) == ' ', passage.toString());
        }
    }

    @Test
    void aWordLongerThanTheWindowIsCutAtTheWindow() {
        List<Passage> passages = Chunker.split("x".repeat(250), 100, 20);
        assertEquals(List.of(0, 100, 200), passages.stream().map(Passage::start).toList());
        assertEquals(List.of(100, 200, 250), passages.stream().map(Passage::end).toList());
    }

    @Test
    void consecutivePassagesOverlapStartingAtAWord() {
        String text = words(400);
        List<Passage> passages = Chunker.split(text, 100, 30);
        for (int i = 1; i < passages.size(); i++) {
            Passage previous = passages.get(i - 1);
            Passage next = passages.get(i);
            assertTrue(next.start() < previous.end(), next.toString());
            assertEquals(' ', text.charAt(next.start() - 1), next.toString());
        }
    }

    @Test
    void passagesAreNumberedAndCoverTheTextWithTheirOffsets() {
        String text = "Sentence number one is here. ".repeat(12).strip();
        List<Passage> passages = Chunker.split(text, 100, 20);
        assertEquals(0, passages.get(0).start());
        assertEquals(text.length(), passages.get(passages.size() - 1).end());
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            assertEquals(i, passage.index());
            assertEquals(text.substring(passage.start(), passage.end()), passage.text());
        }
    }

    /** Words of four letters and a space, cut to {@code length} characters and stripped. */
    private static String words(int length) {
        return "word ".repeat(length / 5 + 1).substring(0, length).strip();
    }
}
