package dev.flotilla.config.targeting;

import java.util.List;
import java.util.Map;

/** A checked segment: a context is a member when every one of its conditions holds. */
public final class Segment {

    private final String key;
    private final List<Condition> conditions;

    Segment(String key, List<Condition> conditions) {
        this.key = key;
        this.conditions = List.copyOf(conditions);
    }

    public String key() {
        return key;
    }

    boolean contains(EvaluationContext context, Map<String, Segment> segments) {
        for (Condition condition : conditions) {
            if (!condition.test(context, segments)) {
                return false;
            }
        }
        return true;
    }
}
