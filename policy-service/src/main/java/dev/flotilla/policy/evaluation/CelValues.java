package dev.flotilla.policy.evaluation;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a decision request into the variables a CEL condition sees. JSON numbers arrive as
 * {@code Integer}, {@code BigDecimal} and friends, which CEL does not know: they become
 * {@code int} ({@code Long}) or {@code double}; JSON {@code null} becomes CEL's {@code null}.
 */
public final class CelValues {

    public static final String SUBJECT = "subject";
    public static final String ACTION = "action";
    public static final String RESOURCE = "resource";
    public static final String CONTEXT = "context";
    public static final String NOW = "now";

    private CelValues() {
    }

    /**
     * The variables of one decision ({@code subject}, {@code action}, {@code resource},
     * {@code context}, {@code now}), shared by every condition evaluated for it. A resolver rather
     * than a map, because CEL copies a map into an activation on every evaluation; each variable
     * is built when a condition first reads it, since most decisions read only some of them.
     */
    public static CelVariableResolver resolver(DecisionRequest request, Instant now) {
        return new DecisionResolver(request, now);
    }

    private static final class DecisionResolver implements CelVariableResolver {
        private final DecisionRequest request;
        private final Optional<Object> action;
        private final Optional<Object> now;
        private Optional<Object> subject;
        private Optional<Object> resource;
        private Optional<Object> context;

        DecisionResolver(DecisionRequest request, Instant now) {
            this.request = request;
            this.action = Optional.ofNullable(request.action());
            this.now = Optional.of(now);
        }

        @Override
        public Optional<Object> find(String name) {
            return switch (name) {
                case SUBJECT -> subject != null ? subject : (subject = Optional.of(subject(request.subject())));
                case RESOURCE -> resource != null ? resource : (resource = Optional.of(resource(request.resource())));
                case CONTEXT -> context != null ? context
                        : (context = Optional.of(request.context() == null ? Map.of() : normalize(request.context())));
                case ACTION -> action;
                case NOW -> now;
                default -> Optional.empty();
            };
        }
    }

    private static Map<String, Object> subject(DecisionRequest.Subject subject) {
        return Map.of(
                "id", subject.id(),
                "roles", subject.roles() == null ? List.of() : normalize(subject.roles()),
                "attributes", subject.attributes() == null ? Map.of() : normalize(subject.attributes()));
    }

    private static Map<String, Object> resource(DecisionRequest.Resource resource) {
        return Map.of(
                "type", resource.type(),
                "id", resource.id() == null ? "" : resource.id(),
                "attributes", resource.attributes() == null ? Map.of() : normalize(resource.attributes()));
    }

    /** A JSON-shaped value (maps, lists, strings, numbers, booleans, nulls) as CEL values. */
    public static Object normalize(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((k, v) -> result.put(String.valueOf(k), normalize(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(normalize(item)));
            return result;
        }
        return value.toString();
    }
}
