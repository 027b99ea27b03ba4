package dev.flotilla.policy.decision;

import dev.flotilla.policy.evaluation.DecisionRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /api/v1/decisions/batch}: up to 1,000 questions, answered in order. */
public record BatchRequest(
        @NotNull @Size(min = 1, max = DecisionService.MAX_BATCH, message = "must hold 1 to " + DecisionService.MAX_BATCH
                + " requests") List<@NotNull @Valid DecisionRequest> requests) {
}
