package dev.flotilla.conversation.retrieval;

/**
 * A passage the model was given, as a message cites it: {@code [index]} in the answer names it; {@code start} and
 * {@code end} are character offsets into the document's body, {@code passage} the passage's number in the document.
 */
public record Citation(int index, String collection, String documentId, String title, int passage, int start, int end,
        double score) {
}
