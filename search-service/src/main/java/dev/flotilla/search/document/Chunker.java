package dev.flotilla.search.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into passages of about {@code size} characters that overlap by about
 * {@code overlap}, cutting at a paragraph, sentence or word boundary where one is near.
 * Deterministic, so passages are derived from the body and the collection's current settings
 * rather than stored: changing the chunking settings applies at once, with no re-indexing.
 */
public final class Chunker {

    private Chunker() {
    }

    public static List<Passage> split(String text, int size, int overlap) {
        List<Passage> passages = new ArrayList<>();
        int length = text.length();
        int start = skipSpace(text, 0);
        while (start < length) {
            int end = Math.min(length, start + size);
            if (end < length) {
                end = boundary(text, start, end, size);
            }
            int trimmed = end;
            while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) {
                trimmed--;
            }
            passages.add(new Passage(passages.size(), start, trimmed, text.substring(start, trimmed)));
            if (end >= length) {
                break;
            }
            int next = Math.max(end - overlap, start + 1);
            // Start the next passage at a word boundary.
            while (next < end && next > 0 && !Character.isWhitespace(text.charAt(next - 1))) {
                next++;
            }
            start = skipSpace(text, next);
        }
        return passages;
    }

    /** The best cut in the last third of the window: a paragraph, then a sentence end, then a space. */
    private static int boundary(String text, int start, int end, int size) {
        int floor = start + (size * 2) / 3;
        int paragraph = text.lastIndexOf("\n\n", end);
        if (paragraph >= floor) {
            return paragraph + 2;
        }
        for (int i = end - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\n') && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        for (int i = end - 1; i >= floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return end;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
