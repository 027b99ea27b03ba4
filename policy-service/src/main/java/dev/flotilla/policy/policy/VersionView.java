package dev.flotilla.policy.policy;

import dev.flotilla.policy.evaluation.RuleDefinition;

import java.time.Instant;
import java.util.List;

/** One immutable version of a policy. */
public record VersionView(int version, boolean active, List<RuleDefinition> rules, Instant createdAt, String createdBy) {
}
