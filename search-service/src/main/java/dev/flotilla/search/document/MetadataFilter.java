package dev.flotilla.search.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.error.BadRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters on document metadata, written as JSON:
 *
 * <pre>
 * {"lang": "en",                         equality (an array value matches any element)
 *  "status": {"in": ["draft", "final"]},  one of
 *  "year": {"gte": 2020, "lt": 2024},     numeric range
 *  "published": {"gte": "2024-01-01"},    date range (ISO-8601 strings compare in time order)
 *  "author.name": {"exists": true}}       presence; dots reach into nested objects
 * </pre>
 *
 * All conditions must hold. Each becomes a SQL/JSON path predicate, which {@link MetadataFilterSql}
 * turns into a condition of a statement (equality and {@code in} as {@code metadata @? path},
 * answered by the GIN index on metadata); values travel inside the bound path parameter, never in
 * the SQL text.
 */
public final class MetadataFilter {

    private static final Set<String> OPERATORS = Set.of("eq", "in", "gt", "gte", "lt", "lte", "exists");
    private static final int MAX_CONDITIONS = 32;

    private final List<Condition> conditions;

    /**
     * A path predicate, negated or not; {@code indexed} when the GIN index on metadata can answer it (equality),
     * see {@link MetadataFilterSql}.
     */
    record Condition(String path, boolean negated, boolean indexed) {
    }

    private MetadataFilter(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public static final MetadataFilter NONE = new MetadataFilter(List.of());

    public static MetadataFilter parse(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return NONE;
        }
        if (!filter.isObject()) {
            throw new BadRequest("filter", "must be a JSON object of field conditions");
        }
        List<Condition> conditions = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = filter.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String field = entry.getKey();
            String path = path(field);
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                conditions.addAll(operators(field, path, value));
            } else if (value.isArray()) {
                conditions.add(new Condition(path + " ? (" + anyOf(field, "filter." + field, value) + ")", false, true));
            } else {
                conditions.add(new Condition(path + " ? (@ == " + literal(field, "filter." + field, value) + ")", false, true));
            }
        }
        if (conditions.size() > MAX_CONDITIONS) {
            throw new BadRequest("filter", "at most " + MAX_CONDITIONS + " conditions");
        }
        return new MetadataFilter(List.copyOf(conditions));
    }

    private static List<Condition> operators(String field, String path, JsonNode ops) {
        if (ops.isEmpty()) {
            throw new BadRequest("filter." + field, "needs an operator: " + OPERATORS);
        }
        List<Condition> result = new ArrayList<>();
        List<String> range = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = ops.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> op = it.next();
            JsonNode v = op.getValue();
            String where = "filter." + field + "." + op.getKey();
            switch (op.getKey()) {
                case "eq" -> result.add(new Condition(path + " ? (@ == " + literal(field, where, v) + ")", false, true));
                case "in" -> {
                    if (!v.isArray() || v.isEmpty()) {
                        throw new BadRequest("filter." + field + ".in", "must be a non-empty array");
                    }
                    result.add(new Condition(path + " ? (" + anyOf(field, where, v) + ")", false, true));
                }
                case "gt" -> range.add("@ > " + bound(field, where, v));
                case "gte" -> range.add("@ >= " + bound(field, where, v));
                case "lt" -> range.add("@ < " + bound(field, where, v));
                case "lte" -> range.add("@ <= " + bound(field, where, v));
                case "exists" -> {
                    if (!v.isBoolean()) {
                        throw new BadRequest("filter." + field + ".exists", "must be true or false");
                    }
                    result.add(new Condition(path, !v.booleanValue(), false));
                }
                default -> throw new BadRequest("filter." + field,
                        "unknown operator '" + op.getKey() + "', expected one of " + OPERATORS);
            }
        }
        if (!range.isEmpty()) {
            result.add(new Condition(path + " ? (" + String.join(" && ", range) + ")", false, false));
        }
        return result;
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** The conditions, all of which must hold. */
    List<Condition> conditions() {
        return conditions;
    }

    /** The SQL/JSON path of a dotted field name, each segment quoted. */
    public static String path(String field) {
        if (field.isEmpty() || field.length() > 200) {
            throw new BadRequest("filter", "field names must be 1-200 characters");
        }
        StringBuilder path = new StringBuilder("$");
        for (String segment : field.split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new BadRequest("filter." + field, "empty segment in a dotted field name");
            }
            path.append('.').append(quote(segment));
        }
        return path.toString();
    }

    /** Equality with any of {@code values}; {@code where} names the condition (e.g. {@code filter.year.in}). */
    private static String anyOf(String field, String where, JsonNode values) {
        List<String> alternatives = new ArrayList<>();
        for (JsonNode v : values) {
            alternatives.add("@ == " + literal(field, where, v));
        }
        return String.join(" || ", alternatives);
    }

    private static String bound(String field, String where, JsonNode v) {
        if (!v.isNumber() && !v.isTextual()) {
            throw new BadRequest("filter." + field, "range bounds must be numbers or ISO-8601 date strings");
        }
        return literal(field, where, v);
    }

    /**
     * A SQL/JSON path literal of {@code v}, a value of {@code field}; {@code where} names the condition
     * (e.g. {@code filter.year.gte}) when the value is a number out of range.
     */
    private static String literal(String field, String where, JsonNode v) {
        if (v.isTextual()) {
            return quote(v.textValue());
        }
        if (v.isNumber()) {
            // 1e309 is valid JSON, but a double cannot hold it: it was read as infinity.
            if (!Double.isFinite(v.doubleValue())) {
                throw new BadRequest(where, DocumentContent.OUT_OF_RANGE);
            }
            return v.decimalValue().toPlainString();
        }
        if (v.isBoolean()) {
            return String.valueOf(v.booleanValue());
        }
        if (v.isNull()) {
            return "null";
        }
        throw new BadRequest("filter." + field, "values must be strings, numbers, booleans or null");
    }

    /** A SQL/JSON path string literal. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
