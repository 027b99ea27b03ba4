package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A settings category: built in (no schema, no creator) or the tenant's own. */
public record CategoryView(String name, String description, JsonNode schema, boolean builtIn, String createdBy,
        Instant createdAt) {

    static CategoryView builtIn(String name) {
        return new CategoryView(name, SettingNames.description(name), null, true, null, null);
    }

    /** Fails with a 422 unless {@code value} (JSON text) satisfies the category's schema, if it has one. */
    void requireValid(String field, String value) {
        if (schema != null) {
            ValueSchemas.requireValid(SettingValues.text(schema), field, value);
        }
    }
}
