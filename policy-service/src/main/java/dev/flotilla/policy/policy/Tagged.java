package dev.flotilla.policy.policy;

/** A representation together with its entity tag, for the {@code ETag} header. */
public record Tagged<T>(T body, String etag) {
}
