package dev.flotilla.health.condition;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

/** One side of a condition, as written. */
sealed interface Operand {

    /** The side as written, without surrounding whitespace. */
    String text();

    /** A side that resolves to a value: a placeholder, {@code len(...)}, {@code has(...)} or a constant. */
    sealed interface Term extends Operand {

        Value resolve(Evaluation evaluation);

        /** Whether the value comes from the observation, so a failure shows it next to the text. */
        default boolean observed() {
            return true;
        }

        /** Whether the value is always {@code true} or {@code false}. */
        default boolean isBoolean() {
            return false;
        }
    }

    /** A side that other values are matched against: {@code pat(...)} or {@code any(...)}. */
    sealed interface Matcher extends Operand {

        boolean matches(Value value);
    }

    /** The placeholders health-service observes. */
    enum Kind {
        STATUS,
        RESPONSE_TIME,
        BODY,
        CONNECTED,
        CERTIFICATE_EXPIRATION
    }

    /** {@code [STATUS]}, {@code [BODY].a.b[0]} and the others; {@code path} only for the body, else null. */
    record Placeholder(String text, Kind kind, BodyPath path) implements Term {

        @Override
        public Value resolve(Evaluation evaluation) {
            Observation seen = evaluation.observation();
            return switch (kind) {
                case STATUS -> seen.status() == null ? Value.absent(Evaluation.NOT_OBSERVED)
                        : Value.of(seen.status().toString());
                case RESPONSE_TIME -> Value.of(Long.toString(seen.responseTimeMs()));
                case CONNECTED -> Value.of(Boolean.toString(seen.connected()));
                case CERTIFICATE_EXPIRATION -> seen.certificateExpiresAt() == null || seen.at() == null
                        ? Value.absent(Evaluation.NOT_OBSERVED)
                        : Value.of(Duration.between(seen.at(), seen.certificateExpiresAt()));
                case BODY -> body(evaluation);
            };
        }

        private Value body(Evaluation evaluation) {
            if (path != null) {
                return evaluation.at(path);
            }
            String body = evaluation.body();
            return body == null ? Value.absent(Evaluation.NOT_OBSERVED) : Value.of(body);
        }

        @Override
        public boolean isBoolean() {
            return kind == Kind.CONNECTED;
        }
    }

    /**
     * {@code len(...)} of the body or a path into it: an array's number of elements, otherwise the number of
     * characters of the value (an object minified), as in Gatus.
     */
    record Length(String text, Placeholder of) implements Term {

        @Override
        public Value resolve(Evaluation evaluation) {
            if (of.path() == null) {
                String body = evaluation.body();
                if (body == null) {
                    return Value.absent(Evaluation.NOT_OBSERVED);
                }
                JsonNode tree = evaluation.tree();
                return count(tree != null && tree.isArray() ? tree.size() : characters(body));
            }
            JsonNode node = evaluation.nodeAt(of.path());
            if (node == null) {
                return Value.absent(evaluation.whyNothingAt());
            }
            return count(node.isArray() ? node.size() : characters(Evaluation.text(node)));
        }

        private static int characters(String text) {
            return text.codePointCount(0, text.length());
        }

        private static Value count(int count) {
            return Value.of(Integer.toString(count));
        }
    }

    /**
     * {@code has(...)}: whether the body is not empty, or whether a path into it leads to a value; as in
     * Gatus, a JSON {@code null} is no value.
     */
    record Presence(String text, Placeholder of) implements Term {

        @Override
        public Value resolve(Evaluation evaluation) {
            boolean present;
            if (of.path() == null) {
                present = evaluation.body() != null && !evaluation.body().isEmpty();
            } else {
                JsonNode node = evaluation.nodeAt(of.path());
                present = node != null && !node.isNull();
            }
            return Value.of(Boolean.toString(present));
        }

        @Override
        public boolean isBoolean() {
            return true;
        }
    }

    /** A constant written in the condition: a number, a duration, {@code true}, or any other text. */
    record Literal(String text, Value value) implements Term {

        Literal(String text) {
            this(text, Value.of(text));
        }

        @Override
        public Value resolve(Evaluation evaluation) {
            return value;
        }

        @Override
        public boolean observed() {
            return false;
        }
    }

    /** {@code pat(...)}: the other side's text matches the glob. */
    record Pattern(String text, Glob glob) implements Matcher {

        @Override
        public boolean matches(Value value) {
            return glob.matches(value.text());
        }
    }

    /** {@code any(a, b, ...)}: the other side equals one of the options. */
    record AnyOf(String text, List<Value> options) implements Matcher {

        @Override
        public boolean matches(Value value) {
            return options.stream().anyMatch(value::sameAs);
        }
    }
}
