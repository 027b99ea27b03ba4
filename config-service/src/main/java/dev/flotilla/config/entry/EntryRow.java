package dev.flotilla.config.entry;

import java.time.Instant;

/** A stored entry of one layer ({@code env} is empty for the namespace default); {@code revision} wrote it as it is. */
public record EntryRow(String key, String env, StoredState state, long revision, Instant createdAt, String updatedBy,
        Instant updatedAt) {

    public String etag() {
        return etag(revision);
    }

    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }
}
