package dev.flotilla.config.targeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A segment as it is written ({@code PUT /api/v1/segments/{key}}) and stored: a reusable set of conditions
 * that a context is a member of when all of them hold. Flag rules name segments with {@code inSegment}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentSpec(
        @Size(max = FlagSpec.MAX_DESCRIPTION) String description,
        @NotNull @Size(min = 1, max = RuleSpec.MAX_CONDITIONS) List<@NotNull @Valid ConditionSpec> conditions) {
}
