package dev.flotilla.policy.testcase;

import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionRequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored test, with its outcome against the policy's active version.
 *
 * @param activeVersion the version {@code actual} was computed with
 * @param actual what that version decides
 * @param passes whether {@code actual} is what the test expects
 */
public record TestCaseView(
        UUID id,
        String name,
        DecisionRequest input,
        Decision expect,
        Instant at,
        Instant createdAt,
        int activeVersion,
        Decision actual,
        boolean passes,
        List<String> reasons) {
}
