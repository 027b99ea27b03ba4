package dev.flotilla.config.targeting;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks flag and segment definitions and builds what evaluates them. Everything a rule could get wrong is
 * found here, at save time, and reported with the field it is in: an unknown variant, a value of another type
 * than the flag's, a rollout that does not add up to 100 %, an operand the operator cannot use, a regular
 * expression that does not parse. Regular expressions are RE2 (re2j): matching takes time linear in the
 * input, so no pattern can make an evaluation backtrack for ever. Whether the segments a flag names exist
 * is for the caller to check, against {@link Flag#segmentReferences()}.
 */
public final class Definitions {

    /** Flag and segment keys: a letter or digit, then up to 99 letters, digits, {@code _ . -}. */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final int MAX_PATTERN = 1_000;
    private static final int MAX_TEXT = 1_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal BUCKETS_PER_PERCENT = BigDecimal.valueOf(Bucketing.BUCKETS / 100);

    private final List<Violation> violations = new ArrayList<>();

    private Definitions() {
    }

    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** The flag {@code spec} defines; fails with every problem found in it. */
    public static Flag flag(String key, FlagSpec spec) {
        Definitions check = new Definitions();
        Flag flag = check.checkFlag(key, spec);
        check.throwIfViolated();
        return flag;
    }

    /** The segment {@code spec} defines; fails with every problem found in it. */
    public static Segment segment(String key, SegmentSpec spec) {
        Definitions check = new Definitions();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < spec.conditions().size(); i++) {
            check.add(conditions,
                    check.condition("conditions[" + i + "]", spec.conditions().get(i), false, new LinkedHashMap<>()));
        }
        check.throwIfViolated();
        return new Segment(key, conditions);
    }

    /** Adds a condition that was built; one that was not has a violation already. */
    private void add(List<Condition> conditions, Condition condition) {
        if (condition != null) {
            conditions.add(condition);
        }
    }

    private void throwIfViolated() {
        if (!violations.isEmpty()) {
            throw new InvalidDefinition(violations);
        }
    }

    private void violation(String field, String message) {
        violations.add(new Violation(field, message));
    }

    private Flag checkFlag(String key, FlagSpec spec) {
        FlagType type = FlagType.named(spec.type());
        if (type == null) {
            violation("type", "must be one of " + String.join(", ", FlagType.NAMES));
        }
        Map<String, Object> variants = new LinkedHashMap<>();
        spec.variants().forEach((name, value) -> {
            variant(type, name, value);
            variants.put(name, value);
        });
        if (!variants.containsKey(spec.defaultVariant())) {
            violation("defaultVariant", unknownVariant(spec.defaultVariant(), variants));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        spec.metadataOrNone().forEach((name, value) -> {
            if (name.isBlank() || name.length() > FlagSpec.MAX_NAME) {
                violation("metadata", "keys are 1 to " + FlagSpec.MAX_NAME + " characters");
            } else if (!isScalar(value)) {
                violation("metadata." + name, "must be a string, a finite number or a boolean");
            }
            metadata.put(name, value);
        });
        Map<String, String> segmentReferences = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        List<RuleSpec> specs = spec.rulesOrNone();
        for (int i = 0; i < specs.size(); i++) {
            rules.add(rule("rules[" + i + "]", specs.get(i), variants, segmentReferences));
        }
        return new Flag(key, type, Collections.unmodifiableMap(variants), spec.defaultVariant(),
                Boolean.TRUE.equals(spec.enabled()), rules, Collections.unmodifiableMap(metadata), segmentReferences);
    }

    private void variant(FlagType type, String name, Object value) {
        String field = "variants." + name;
        if (name.isBlank() || name.length() > FlagSpec.MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            violation("variants",
                    "a variant's name is 1 to " + FlagSpec.MAX_NAME + " characters, none of them control characters");
        } else if (value == null) {
            violation(field, "must have a value");
        } else if (type != null && !type.holds(value)) {
            violation(field, "is not a " + type.wireName() + ", the flag's type");
        } else if (!isFinite(value)) {
            violation(field, "numbers must be finite");
        }
    }

    private Rule rule(String field, RuleSpec spec, Map<String, Object> variants, Map<String, String> segmentReferences) {
        List<Condition> conditions = new ArrayList<>();
        List<ConditionSpec> specs = spec.conditionsOrNone();
        for (int i = 0; i < specs.size(); i++) {
            add(conditions, condition(field + ".conditions[" + i + "]", specs.get(i), true, segmentReferences));
        }
        if ((spec.variant() == null) == (spec.rollout() == null)) {
            violation(field, "a rule names either a variant or a rollout");
            return new Rule(conditions, spec.variant(), null);
        }
        if (spec.variant() != null) {
            if (!variants.containsKey(spec.variant())) {
                violation(field + ".variant", unknownVariant(spec.variant(), variants));
            }
            return new Rule(conditions, spec.variant(), null);
        }
        return new Rule(conditions, null, rollout(field + ".rollout", spec.rollout(), variants));
    }

    private Rollout rollout(String field, List<SplitSpec> splits, Map<String, Object> variants) {
        if (splits.isEmpty()) {
            violation(field, "must give at least one variant its percentage");
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Integer> shares = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean valid = true;
        for (int i = 0; i < splits.size(); i++) {
            SplitSpec split = splits.get(i);
            String at = field + "[" + i + "]";
            if (!variants.containsKey(split.variant())) {
                violation(at + ".variant", unknownVariant(split.variant(), variants));
                valid = false;
            } else if (names.contains(split.variant())) {
                violation(at + ".variant", "'" + split.variant() + "' has a share already");
                valid = false;
            }
            BigDecimal percentage = split.percentage();
            if (percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0 || percentage.stripTrailingZeros().scale() > 3) {
                violation(at + ".percentage", "must be between 0 and 100, with at most three decimals");
                valid = false;
                continue;
            }
            names.add(split.variant());
            shares.add(percentage.multiply(BUCKETS_PER_PERCENT).intValueExact());
            total = total.add(percentage);
        }
        if (valid && total.compareTo(HUNDRED) != 0) {
            violation(field, "the percentages add up to " + total.stripTrailingZeros().toPlainString() + ", not 100");
        }
        return valid ? new Rollout(names, shares) : null;
    }

    private Condition condition(String field, ConditionSpec spec, boolean segmentsAllowed, Map<String, String> references) {
        Operator operator = Operator.named(spec.operator());
        if (operator == null) {
            violation(field + ".operator", "must be one of " + String.join(", ", Operator.NAMES));
            return null;
        }
        String name = operator.wireName();
        if (operator.isSegment() && spec.attribute() != null) {
            violation(field + ".attribute", "is not used by " + name);
        } else if (!operator.isSegment() && !operator.isTime() && (spec.attribute() == null || spec.attribute().isBlank())) {
            violation(field + ".attribute", "is required by " + name);
        }
        if (!operandPresent(field, spec, operator)) {
            return null;
        }
        Condition.Builder condition = Condition.of(operator, spec.attribute());
        operand(condition, field, spec, segmentsAllowed, references);
        return condition.build();
    }

    /** Checks the operand for the condition's operator and gives it to {@code condition}, parsed. */
    private void operand(Condition.Builder condition, String field, ConditionSpec spec, boolean segmentsAllowed,
            Map<String, String> references) {
        Object value = spec.value();
        String at = field + ".value";
        switch (condition.operator()) {
            case EQUALS, NOT_EQUALS -> {
                if (require(isScalar(value), at, "must be a string, a finite number or a boolean")) {
                    condition.value(Condition.normal(value));
                }
            }
            case IN, NOT_IN -> condition.values(scalars(field + ".values", spec.values()));
            case STARTS_WITH, ENDS_WITH, CONTAINS -> {
                if (require(value instanceof String text && text.length() <= MAX_TEXT, at, "must be a string")) {
                    condition.value(value);
                }
            }
            case MATCHES -> condition.pattern(pattern(at, value));
            case LESS_THAN, LESS_OR_EQUAL, GREATER_THAN, GREATER_OR_EQUAL -> {
                if (require(value instanceof Number && isFinite(value), at, "must be a finite number")) {
                    condition.number(((Number) value).doubleValue());
                }
            }
            case BEFORE, AFTER -> {
                boolean instant = value instanceof String && Condition.instantOf(value) != null;
                if (require(instant, at, "must be an ISO-8601 instant with its offset, e.g. 2027-01-01T00:00:00Z")) {
                    condition.instant(Condition.instantOf(value));
                }
            }
            case IN_SEGMENT, NOT_IN_SEGMENT -> condition.segments(segments(field, spec.values(), segmentsAllowed, references));
            default -> {
                Semver version = value instanceof String text ? Semver.parse(text) : null;
                if (require(version != null, at, "must be a semantic version, e.g. 1.4.2 or 2.0.0-rc.1")) {
                    condition.version(version);
                }
            }
        }
    }

    /** Whether the condition carries its operand in the member its operator reads, and only there. */
    private boolean operandPresent(String field, ConditionSpec spec, Operator operator) {
        String name = operator.wireName();
        if (operator.operand() == Operator.Operand.VALUE) {
            if (spec.values() != null) {
                violation(field + ".values", "is not used by " + name + ": give its operand as value");
                return false;
            }
            return require(spec.value() != null, field + ".value", "is required by " + name);
        }
        if (spec.value() != null) {
            violation(field + ".value", "is not used by " + name + ": give its operands as values");
            return false;
        }
        if (!require(spec.values() != null && !spec.values().isEmpty(), field + ".values", "must list at least one value")) {
            return false;
        }
        boolean complete = true;
        for (int i = 0; i < spec.values().size(); i++) {
            complete &= require(spec.values().get(i) != null, field + ".values[" + i + "]", "must not be null");
        }
        return complete;
    }

    private Set<Object> scalars(String field, List<Object> values) {
        Set<Object> set = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (require(isScalar(values.get(i)), field + "[" + i + "]", "must be a string, a finite number or a boolean")) {
                set.add(Condition.normal(values.get(i)));
            }
        }
        return Set.copyOf(set);
    }

    private Pattern pattern(String field, Object value) {
        if (!require(value instanceof String text && text.length() <= MAX_PATTERN, field,
                "must be a regular expression of at most " + MAX_PATTERN + " characters")) {
            return null;
        }
        try {
            return Pattern.compile((String) value);
        } catch (PatternSyntaxException e) {
            violation(field, "is not a valid RE2 regular expression: " + e.getMessage());
            return null;
        }
    }

    private List<String> segments(String field, List<Object> values, boolean allowed, Map<String, String> references) {
        if (!allowed) {
            violation(field + ".operator", "a segment's conditions cannot name other segments");
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String at = field + ".values[" + i + "]";
            if (require(values.get(i) instanceof String key && isKey(key), at, "must be a segment key")) {
                keys.add((String) values.get(i));
                references.putIfAbsent((String) values.get(i), at);
            }
        }
        return List.copyOf(keys);
    }

    private boolean require(boolean holds, String field, String message) {
        if (!holds) {
            violation(field, message);
        }
        return holds;
    }

    private static String unknownVariant(String name, Map<String, Object> variants) {
        return "'" + name + "' is not a variant of the flag (" + String.join(", ", variants.keySet()) + ")";
    }

    private static boolean isScalar(Object value) {
        return value instanceof String text && text.length() <= MAX_TEXT || value instanceof Boolean
                || value instanceof Number && isFinite(value);
    }

    /** Whether every number in {@code value} (an object's and a list's, at any depth) is finite. */
    private static boolean isFinite(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        if (value instanceof Map<?, ?> object) {
            return object.values().stream().allMatch(Definitions::isFinite);
        }
        if (value instanceof List<?> items) {
            return items.stream().allMatch(Definitions::isFinite);
        }
        return true;
    }
}
