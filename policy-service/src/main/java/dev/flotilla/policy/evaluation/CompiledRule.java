package dev.flotilla.policy.evaluation;

import java.util.List;
import java.util.UUID;

/**
 * A rule ready to evaluate: its globs compiled, its condition compiled (or {@code null} when the
 * rule has none). Immutable and safe to share between threads.
 */
public record CompiledRule(
        UUID policyId,
        int version,
        String id,
        Effect effect,
        List<Glob> actions,
        List<Glob> resources,
        Condition condition) {

    /** Whether the rule's globs cover the action and the resource's {@code type:id}. */
    public boolean appliesTo(String action, String qualifiedResource) {
        return anyMatches(actions, action) && anyMatches(resources, qualifiedResource);
    }

    private static boolean anyMatches(List<Glob> globs, String value) {
        for (int i = 0, n = globs.size(); i < n; i++) {
            if (globs.get(i).matches(value)) {
                return true;
            }
        }
        return false;
    }
}
