package dev.flotilla.config.entry;

/** A resolved view written out, its {@code ETag}, the namespace's index, and whether the caller holds it already. */
public record Resolved(String body, String mediaType, String etag, long index, boolean notModified) {
}
