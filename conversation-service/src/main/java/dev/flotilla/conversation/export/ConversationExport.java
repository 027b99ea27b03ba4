package dev.flotilla.conversation.export;

/** An export ready to download: its text, media type and file name. */
public record ConversationExport(String body, String mediaType, String fileName) {
}
