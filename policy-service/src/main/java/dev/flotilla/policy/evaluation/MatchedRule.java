package dev.flotilla.policy.evaluation;

import java.util.UUID;

/** A rule that took part in a decision: which policy, which version of it, which rule. */
public record MatchedRule(UUID policyId, String policy, int version, String rule, Effect effect) {
}
