package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.error.BadRequest;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

/** The type an entry's value has: a JSON string, a finite number, a boolean, or any JSON value but null. */
public enum EntryType {
    STRING,
    NUMBER,
    BOOLEAN,
    JSON;

    /** The name in the API and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryType parse(String field, String text) {
        for (EntryType type : values()) {
            if (type.wire().equals(text)) {
                return type;
            }
        }
        throw new BadRequest(field, "must be one of "
                + Arrays.stream(values()).map(EntryType::wire).collect(Collectors.joining(", ")));
    }

    /** Why {@code value} is not of this type, or null when it is. */
    public String violation(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "is required; delete the entry to remove it";
        }
        if (!finite(value)) {
            return "holds a number that is not finite";
        }
        boolean matches = switch (this) {
            case STRING -> value.isTextual();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case JSON -> true;
        };
        return matches ? null
                : "must be a " + (this == BOOLEAN ? "boolean" : "JSON " + wire()) + " for an entry of type "
                        + wire() + ", not " + kind(value);
    }

    private static boolean finite(JsonNode value) {
        if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
            return Double.isFinite(value.doubleValue());
        }
        if (value.isContainerNode()) {
            for (Iterator<JsonNode> it = value.elements(); it.hasNext();) {
                if (!finite(it.next())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String kind(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return "a string";
    }
}
