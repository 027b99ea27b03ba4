package dev.flotilla.search.ingest;

/** Text extracted from a file: a title when the file names one, the text, and the format recognised. */
public record Extracted(String title, String text, String format) {
}
