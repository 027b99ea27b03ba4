package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An entry in an answer. {@code env} is the layer it is stored in (null: the namespace default); {@code inherited}
 * when it was asked for in an environment that has no entry of the key, so the default answers. {@code revision} is
 * the revision that wrote it as it is, and its {@code ETag}.
 */
public record EntryView(String namespace, String key, String env, String type, JsonNode value, boolean secret,
        boolean masked, JsonNode schema, String description, boolean inherited, long revision, Instant createdAt,
        String updatedBy, Instant updatedAt) {

    static EntryView of(String namespace, EntryRow row, StateView state, boolean inherited) {
        return new EntryView(namespace, row.key(), row.env().isEmpty() ? null : row.env(), state.type(), state.value(),
                state.secret(), state.masked(), state.schema(), state.description(), inherited, row.revision(),
                row.createdAt(), row.updatedBy(), row.updatedAt());
    }

    public String etag() {
        return EntryRow.etag(revision);
    }
}
