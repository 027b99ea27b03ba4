package dev.flotilla.config.segment;

import dev.flotilla.config.targeting.ConditionSpec;

import java.time.Instant;
import java.util.List;

/** A stored segment; {@code version} changes with every change and is its {@code ETag}. */
public record SegmentView(String key, String description, List<ConditionSpec> conditions, long version, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
