package dev.flotilla.config.targeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One targeting rule: when every condition holds (no conditions: always), the flag answers {@code variant},
 * or one of the {@code rollout}'s variants by the caller's bucket. Exactly one of the two is given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSpec(
        @Size(max = FlagSpec.MAX_NAME) String name,
        @Size(max = RuleSpec.MAX_CONDITIONS) List<@NotNull @Valid ConditionSpec> conditions,
        @Size(max = FlagSpec.MAX_NAME) String variant,
        @Size(max = FlagSpec.MAX_VARIANTS) List<@NotNull @Valid SplitSpec> rollout) {

    public static final int MAX_CONDITIONS = 50;

    /** The conditions, none when absent. */
    public List<ConditionSpec> conditionsOrNone() {
        return conditions == null ? List.of() : conditions;
    }
}
