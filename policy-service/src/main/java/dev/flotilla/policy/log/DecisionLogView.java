package dev.flotilla.policy.log;

import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A decision-log entry as the API shows it. {@code policyVersions} maps policy ids to versions. */
public record DecisionLogView(UUID id, Instant createdAt, DecisionRequest input, DecisionOutcome result,
        Map<String, Integer> policyVersions, long evaluationMicros) {
}
