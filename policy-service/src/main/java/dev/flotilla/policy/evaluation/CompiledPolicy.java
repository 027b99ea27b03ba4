package dev.flotilla.policy.evaluation;

import java.util.List;
import java.util.UUID;

/**
 * One version of one policy, compiled. Versions are immutable, so a compiled version can be
 * cached by its id for as long as memory allows.
 */
public record CompiledPolicy(UUID policyId, int version, List<CompiledRule> rules) {
}
