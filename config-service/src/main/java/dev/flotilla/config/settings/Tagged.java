package dev.flotilla.config.settings;

/** An answer with its {@code ETag}, and whether a write created what it answers. */
public record Tagged<T>(T body, String etag, boolean created) {

    static <T> Tagged<T> of(T body, String etag) {
        return new Tagged<>(body, etag, false);
    }
}
