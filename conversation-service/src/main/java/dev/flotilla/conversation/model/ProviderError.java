package dev.flotilla.conversation.model;

/** The {@code error} member of a provider's failure answer (or of an event inside a stream). */
record ProviderError(String message, String type, Object code) {
}
