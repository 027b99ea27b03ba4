package dev.flotilla.config.flag;

import dev.flotilla.config.targeting.FlagSpec;
import dev.flotilla.config.targeting.RuleSpec;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored flag of one environment; {@code version} changes with every change and is its {@code ETag}. */
public record FlagView(String key, String environment, String type, String description, boolean enabled,
        Map<String, Object> variants, String defaultVariant, List<RuleSpec> rules, Map<String, Object> metadata, long version,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    static FlagView of(String key, String environment, FlagSpec spec, long version, Instant createdAt, String createdBy,
            Instant updatedAt, String updatedBy) {
        return new FlagView(key, environment, spec.type(), spec.description(), Boolean.TRUE.equals(spec.enabled()),
                spec.variants(), spec.defaultVariant(), spec.rulesOrNone(), spec.metadataOrNone(), version, createdAt,
                createdBy, updatedAt, updatedBy);
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
