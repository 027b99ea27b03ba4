package dev.flotilla.policy.policy;

import dev.flotilla.policy.evaluation.RuleDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Rules not (yet) saved: the body of {@code POST /api/v1/policies/validate} and of
 * {@code POST /api/v1/policies/{id}/simulate}, where {@code limit} bounds how many recent
 * decision-log entries are re-evaluated.
 */
public record RulesDraft(
        @NotNull @Size(max = 500) List<@NotNull @Valid RuleDefinition> rules,
        @Min(1) @Max(10_000) Integer limit) {
}
