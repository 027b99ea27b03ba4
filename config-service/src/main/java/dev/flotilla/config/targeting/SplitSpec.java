package dev.flotilla.config.targeting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A variant's share of a percentage rollout, in percent with at most three decimals. A rollout's shares
 * add up to 100 and take the buckets in their order, so growing the first share keeps everyone it had.
 */
public record SplitSpec(
        @NotNull @Size(max = FlagSpec.MAX_NAME) String variant,
        @NotNull BigDecimal percentage) {
}
