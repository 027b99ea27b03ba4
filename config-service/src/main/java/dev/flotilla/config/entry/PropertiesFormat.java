package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolved view as a Java properties file: one line per leaf, JSON objects flattened into dotted keys and arrays into
 * indexed ones ({@code db.hosts[0]}), as Spring reads YAML. Empty objects, empty arrays and nulls become empty values.
 * The text is ASCII (others as {@code \}{@code uXXXX}), so {@code Properties.load} reads it in any encoding.
 */
public final class PropertiesFormat {

    private PropertiesFormat() {
    }

    /** The lines' keys and values, in the order of the values and of their members. */
    public static Map<String, String> flatten(List<ResolvedValue> values) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (ResolvedValue value : values) {
            flatten(value.key(), value.value(), flat);
        }
        return flat;
    }

    public static String render(List<ResolvedValue> values) {
        StringBuilder text = new StringBuilder();
        flatten(values).forEach((key, value) -> text.append(escape(key, true)).append('=').append(escape(value, false))
                .append('\n'));
        return text.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                flatten(prefix + "." + member.getKey(), member.getValue(), flat);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), flat);
            }
        } else if (node.isContainerNode() || node.isNull()) {
            flat.put(prefix, "");
        } else {
            flat.put(prefix, node.isTextual() ? node.textValue() : node.toString());
        }
    }

    /** Escaped as {@code Properties.store} escapes: separators and comment marks in keys, leading spaces in values. */
    static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
