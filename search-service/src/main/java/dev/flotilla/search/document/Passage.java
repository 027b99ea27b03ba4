package dev.flotilla.search.document;

/** A passage of a document body: its number, character offsets {@code [start, end)} and text. */
public record Passage(int index, int start, int end, String text) {
}
