package dev.flotilla.config.targeting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The type of a flag's value: every variant of the flag holds a value of it. */
public enum FlagType {
    BOOLEAN,
    STRING,
    NUMBER,
    OBJECT;

    /** The names as written in a flag: {@code boolean}, {@code string}, {@code number}, {@code object}. */
    public static final List<String> NAMES = Arrays.stream(values()).map(FlagType::wireName).toList();

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code name}, or null. */
    public static FlagType named(String name) {
        for (FlagType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Whether {@code value} (as JSON reads it: Boolean, String, Number, Map) is of this type. */
    public boolean holds(Object value) {
        return switch (this) {
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case OBJECT -> value instanceof Map<?, ?>;
        };
    }
}
