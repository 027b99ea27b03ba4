package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * One category of the caller's settings: {@code values}, key → value (what a merge patch of the
 * category applies to), and {@code sources}, key → {@code user} or {@code tenant}; both in key order.
 */
public record CategorySettings(String category, Map<String, JsonNode> values, Map<String, Source> sources) {

    static CategorySettings of(String category, SortedMap<String, Resolved> resolved) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        resolved.forEach((key, setting) -> {
            values.put(key, setting.value());
            sources.put(key, setting.source());
        });
        return new CategorySettings(category, values, sources);
    }
}
