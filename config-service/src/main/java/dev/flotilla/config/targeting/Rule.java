package dev.flotilla.config.targeting;

import java.util.List;
import java.util.Map;

/** A checked rule: its conditions, and the variant it names or the rollout that picks one. */
final class Rule {

    private final List<Condition> conditions;
    private final String variant;
    private final Rollout rollout;

    Rule(List<Condition> conditions, String variant, Rollout rollout) {
        this.conditions = List.copyOf(conditions);
        this.variant = variant;
        this.rollout = rollout;
    }

    boolean matches(EvaluationContext context, Map<String, Segment> segments) {
        for (Condition condition : conditions) {
            if (!condition.test(context, segments)) {
                return false;
            }
        }
        return true;
    }

    /** The variant it names, or null when it rolls out. */
    String variant() {
        return variant;
    }

    Rollout rollout() {
        return rollout;
    }
}
