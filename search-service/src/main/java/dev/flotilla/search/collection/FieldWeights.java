package dev.flotilla.search.collection;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** BM25F field weights: a term in the title counts {@code title} times, one in the body {@code body} times. */
public record FieldWeights(
        @NotNull @DecimalMin(value = "0.0", inclusive = false, message = "must be greater than 0") @DecimalMax(value = "100", message = "must be at most 100") Double title,
        @NotNull @DecimalMin(value = "0.0", inclusive = false, message = "must be greater than 0") @DecimalMax(value = "100", message = "must be at most 100") Double body) {
}
