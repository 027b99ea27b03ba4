package dev.flotilla.config.entry;

/** An answer about a namespace, and the namespace's index it was read at ({@code X-Flotilla-Index}). */
public record Indexed<T>(T body, long index) {
}
