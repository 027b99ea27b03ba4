package dev.flotilla.config.targeting;

import java.util.List;
import java.util.Map;

/**
 * A checked flag, ready to evaluate: built by {@link Definitions#flag} from a {@link FlagSpec} that passed
 * every check, so its default variant and every variant a rule names exist and hold values of its type.
 */
public final class Flag {

    private final String key;
    private final FlagType type;
    private final Map<String, Object> variants;
    private final String defaultVariant;
    private final boolean enabled;
    private final List<Rule> rules;
    private final Map<String, Object> metadata;
    private final Map<String, String> segmentReferences;

    Flag(String key, FlagType type, Map<String, Object> variants, String defaultVariant, boolean enabled, List<Rule> rules,
            Map<String, Object> metadata, Map<String, String> segmentReferences) {
        this.key = key;
        this.type = type;
        this.variants = variants;
        this.defaultVariant = defaultVariant;
        this.enabled = enabled;
        this.rules = List.copyOf(rules);
        this.metadata = metadata;
        this.segmentReferences = Map.copyOf(segmentReferences);
    }

    public String key() {
        return key;
    }

    public FlagType type() {
        return type;
    }

    Map<String, Object> variants() {
        return variants;
    }

    String defaultVariant() {
        return defaultVariant;
    }

    boolean enabled() {
        return enabled;
    }

    List<Rule> rules() {
        return rules;
    }

    Map<String, Object> metadata() {
        return metadata;
    }

    /** The segments its rules name, each with the field of the first condition naming it. */
    public Map<String, String> segmentReferences() {
        return segmentReferences;
    }

    /**
     * The flag's answer for {@code context}: switched off, the default variant ({@link Reason#DISABLED});
     * without rules, the default ({@link Reason#STATIC}); else the first rule whose conditions hold decides
     * ({@link Reason#TARGETING_MATCH}, or {@link Reason#SPLIT} for a rollout, which needs a targeting key), and
     * when none holds, the default ({@link Reason#DEFAULT}). With {@code expected} not null, a flag of another
     * type fails with {@link ErrorCode#TYPE_MISMATCH}.
     */
    public Evaluation evaluate(EvaluationContext context, Map<String, Segment> segments, FlagType expected) {
        if (expected != null && expected != type) {
            return Evaluation.failure(key, ErrorCode.TYPE_MISMATCH,
                    "Flag '" + key + "' is of type " + type.wireName() + ", not " + expected.wireName(), metadata);
        }
        if (!enabled) {
            return Evaluation.of(this, defaultVariant, Reason.DISABLED);
        }
        if (rules.isEmpty()) {
            return Evaluation.of(this, defaultVariant, Reason.STATIC);
        }
        for (Rule rule : rules) {
            if (!rule.matches(context, segments)) {
                continue;
            }
            if (rule.variant() != null) {
                return Evaluation.of(this, rule.variant(), Reason.TARGETING_MATCH);
            }
            String targetingKey = context.targetingKey();
            if (targetingKey == null) {
                return Evaluation.failure(key, ErrorCode.TARGETING_KEY_MISSING,
                        "Flag '" + key + "' rolls out by percentage and the context has no targetingKey", metadata);
            }
            return Evaluation.of(this, rule.rollout().variantOf(Bucketing.bucket(key, targetingKey)), Reason.SPLIT);
        }
        return Evaluation.of(this, defaultVariant, Reason.DEFAULT);
    }
}
