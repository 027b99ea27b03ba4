package dev.flotilla.policy.testcase;

import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The body of {@code POST /api/v1/policies/{id}/tests}.
 *
 * @param name unique within the policy
 * @param input the question
 * @param expect the decision the policy must give
 * @param at optional value of {@code now} (for time-dependent conditions)
 */
public record CreateTestCase(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid DecisionRequest input,
        @NotNull Decision expect,
        Instant at) {
}
