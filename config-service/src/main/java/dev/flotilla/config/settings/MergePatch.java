package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/**
 * JSON Merge Patch (RFC 7386) as Jakarta JSON-P defines it ({@code JsonMergePatch}), applied by
 * Parsson, the JSON-P implementation the Quarkus platform ships: a maintained implementation of the
 * RFC rather than a copy of its algorithm. Values cross between Jackson's trees and JSON-P's as text.
 */
final class MergePatch {

    private static final JsonProvider JSON_P = JsonProvider.provider();

    private MergePatch() {
    }

    /** {@code patch} applied to {@code target}; a null target is an absent one. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        JsonValue result = JSON_P.createMergePatch(jsonP(patch)).apply(target == null ? JsonValue.NULL : jsonP(target));
        return SettingValues.parse(result.toString());
    }

    private static JsonValue jsonP(JsonNode value) {
        try (JsonReader reader = JSON_P.createReader(new StringReader(SettingValues.text(value)))) {
            return reader.readValue();
        }
    }
}
