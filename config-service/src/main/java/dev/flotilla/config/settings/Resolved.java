package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A setting as a user gets it: the value, where it comes from, and when that was last changed. */
record Resolved(JsonNode value, Source source, Instant updatedAt) {

    static Resolved of(Stored stored, Source source) {
        return new Resolved(stored.value(), source, stored.updatedAt());
    }
}
