package dev.flotilla.config.flag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A revision of a flag in one environment: its number (per flag, from 1, without gaps), what made it ({@code create},
 * {@code update}, {@code delete}, {@code rollback}), who, when, why, the revision a rollback restored, and the flag's
 * definition before ({@code old}) and after ({@code new}) it, null where the flag did not exist.
 */
public record FlagRevisionView(String key, String environment, long number, String kind, String author, String message,
        Long rolledBackTo, Instant createdAt, JsonNode old, @JsonProperty("new") JsonNode current) {
}
