package dev.flotilla.config.targeting;

import java.time.Instant;
import java.util.Map;

/**
 * What a flag is evaluated for: the caller's attributes (top-level keys of the OpenFeature evaluation
 * context, as JSON reads them), its {@code targetingKey} if it has one, and the time of the evaluation.
 */
public final class EvaluationContext {

    public static final String TARGETING_KEY = "targetingKey";

    private final Map<String, Object> attributes;
    private final String targetingKey;
    private final Instant now;

    private EvaluationContext(Map<String, Object> attributes, String targetingKey, Instant now) {
        this.attributes = attributes;
        this.targetingKey = targetingKey;
        this.now = now;
    }

    /** The context of {@code attributes} at {@code now}; fails when its {@code targetingKey} is not a string. */
    public static EvaluationContext of(Map<String, Object> attributes, Instant now) {
        Object key = attributes.get(TARGETING_KEY);
        if (key != null && !(key instanceof String)) {
            throw new InvalidContext("targetingKey must be a string");
        }
        return new EvaluationContext(attributes, (String) key, now);
    }

    /** The attribute's value, or null when the context lacks it. */
    Object attribute(String name) {
        return attributes.get(name);
    }

    /** The targeting key, or null; an empty key counts as none. */
    String targetingKey() {
        return targetingKey == null || targetingKey.isEmpty() ? null : targetingKey;
    }

    Instant now() {
        return now;
    }
}
