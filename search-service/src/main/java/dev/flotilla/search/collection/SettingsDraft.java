package dev.flotilla.search.collection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Collection settings as a client sends them; an absent member keeps its default (on create) or
 * its current value (on PATCH).
 *
 * @param language text language: stop words and stemming ({@code english}, {@code french}, ...)
 * @param fieldWeights how much a match in each field counts
 * @param chunkSize passage length in characters
 * @param chunkOverlap characters shared by consecutive passages
 */
public record SettingsDraft(
        String language,
        @Valid FieldWeights fieldWeights,
        @Min(value = 100, message = "must be at least 100") @Max(value = 20000, message = "must be at most 20000") Integer chunkSize,
        @Min(value = 0, message = "must not be negative") @Max(value = 10000, message = "must be at most 10000") Integer chunkOverlap) {
}
