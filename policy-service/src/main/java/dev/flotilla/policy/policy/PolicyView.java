package dev.flotilla.policy.policy;

import dev.flotilla.policy.evaluation.RuleDefinition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A policy as the API shows it: its metadata and the rules of its active version. */
public record PolicyView(
        UUID id,
        String name,
        String description,
        int activeVersion,
        int latestVersion,
        List<RuleDefinition> rules,
        Instant createdAt,
        Instant updatedAt) {
}
