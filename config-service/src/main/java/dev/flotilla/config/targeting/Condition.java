package dev.flotilla.config.targeting;

import com.google.re2j.Pattern;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A checked condition, ready to test contexts: its operand parsed once (a set of values, an RE2 pattern, a
 * number, a version, an instant), so testing is a lookup or a comparison. Built by {@link Definitions}.
 */
final class Condition {

    private final Operator operator;
    private final String attribute;
    private final Object value;
    private final Set<Object> values;
    private final Pattern pattern;
    private final double number;
    private final Semver version;
    private final Instant instant;
    private final List<String> segments;

    private Condition(Builder builder) {
        this.operator = builder.operator;
        this.attribute = builder.attribute;
        this.value = builder.value;
        this.values = builder.values;
        this.pattern = builder.pattern;
        this.number = builder.number;
        this.version = builder.version;
        this.instant = builder.instant;
        this.segments = builder.segments;
    }

    /** Whether the condition holds for {@code context}; {@code segments} are the tenant's, by key. */
    boolean test(EvaluationContext context, Map<String, Segment> segments) {
        if (operator.isSegment()) {
            return operator == Operator.IN_SEGMENT == inAnySegment(context, segments);
        }
        if (operator.isTime()) {
            Instant at = attribute == null ? context.now() : instantOf(context.attribute(attribute));
            return at != null && (operator == Operator.BEFORE ? at.isBefore(instant) : !at.isBefore(instant));
        }
        Object actual = context.attribute(attribute);
        return actual != null && holdsFor(actual);
    }

    private boolean inAnySegment(EvaluationContext context, Map<String, Segment> segments) {
        for (String key : this.segments) {
            Segment segment = segments.get(key);
            if (segment != null && segment.contains(context, segments)) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsFor(Object actual) {
        return switch (operator) {
            case EQUALS -> any(actual, a -> normal(a).equals(value));
            case NOT_EQUALS -> !any(actual, a -> normal(a).equals(value));
            case IN -> any(actual, a -> values.contains(normal(a)));
            case NOT_IN -> !any(actual, a -> values.contains(normal(a)));
            case STARTS_WITH -> actual instanceof String text && text.startsWith((String) value);
            case ENDS_WITH -> actual instanceof String text && text.endsWith((String) value);
            case CONTAINS -> actual instanceof String text && text.contains((String) value);
            case MATCHES -> actual instanceof String text && pattern.matcher(text).find();
            case LESS_THAN -> actual instanceof Number n && n.doubleValue() < number;
            case LESS_OR_EQUAL -> actual instanceof Number n && n.doubleValue() <= number;
            case GREATER_THAN -> actual instanceof Number n && n.doubleValue() > number;
            case GREATER_OR_EQUAL -> actual instanceof Number n && n.doubleValue() >= number;
            default -> semver(actual);
        };
    }

    private boolean semver(Object actual) {
        Semver parsed = actual instanceof String text ? Semver.parse(text) : null;
        if (parsed == null) {
            return false;
        }
        int order = parsed.compareTo(version);
        return switch (operator) {
            case SEMVER_EQUALS -> order == 0;
            case SEMVER_LESS_THAN -> order < 0;
            case SEMVER_LESS_OR_EQUAL -> order <= 0;
            case SEMVER_GREATER_THAN -> order > 0;
            default -> order >= 0;
        };
    }

    /** Whether {@code test} holds for the attribute, or, for a list attribute, for any of its elements. */
    private static boolean any(Object actual, Predicate<Object> test) {
        if (actual instanceof List<?> items) {
            for (Object item : items) {
                if (item != null && test.test(item)) {
                    return true;
                }
            }
            return false;
        }
        return test.test(actual);
    }

    /** A scalar as compared: numbers by their value (1 equals 1.0), strings and booleans as they are. */
    static Object normal(Object scalar) {
        return scalar instanceof Number n ? (Object) (n.doubleValue() + 0.0) : scalar;
    }

    /** An ISO-8601 instant with its offset, or a number of seconds since the epoch; null when neither. */
    static Instant instantOf(Object value) {
        if (value instanceof Number n) {
            double seconds = n.doubleValue();
            return Double.isFinite(seconds) && Math.abs(seconds) < 3.0e11 ? Instant.ofEpochMilli((long) (seconds * 1000))
                    : null;
        }
        if (value instanceof String text && text.length() <= 64) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    static Builder of(Operator operator, String attribute) {
        return new Builder(operator, attribute);
    }

    /** The operand of a condition, set by {@link Definitions} once it is checked. */
    static final class Builder {
        private final Operator operator;
        private final String attribute;
        private Object value;
        private Set<Object> values;
        private Pattern pattern;
        private double number;
        private Semver version;
        private Instant instant;
        private List<String> segments;

        private Builder(Operator operator, String attribute) {
            this.operator = operator;
            this.attribute = attribute;
        }

        Builder value(Object value) {
            this.value = value;
            return this;
        }

        Builder values(Set<Object> values) {
            this.values = values;
            return this;
        }

        Builder pattern(Pattern pattern) {
            this.pattern = pattern;
            return this;
        }

        Builder number(double number) {
            this.number = number;
            return this;
        }

        Builder version(Semver version) {
            this.version = version;
            return this;
        }

        Builder instant(Instant instant) {
            this.instant = instant;
            return this;
        }

        Operator operator() {
            return operator;
        }

        Builder segments(List<String> segments) {
            this.segments = segments;
            return this;
        }

        Condition build() {
            return new Condition(this);
        }
    }
}
