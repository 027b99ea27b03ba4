package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One setting as the caller gets it: its value, and whether it is their own or the tenant's default. */
public record SettingView(String category, String key, JsonNode value, Source source, Instant updatedAt) {

    static SettingView of(String category, String key, Resolved resolved) {
        return new SettingView(category, key, resolved.value(), resolved.source(), resolved.updatedAt());
    }
}
