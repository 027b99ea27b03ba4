package dev.flotilla.config.flag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How the flag's definition differs from its state at revision {@code from} ({@code old}) to its state at revision
 * {@code to} ({@code new}), null where it did not exist; {@code changed}: the members of the definition that differ.
 */
public record FlagDiffView(String key, String environment, long from, long to, JsonNode old,
        @JsonProperty("new") JsonNode current, List<String> changed) {
}
