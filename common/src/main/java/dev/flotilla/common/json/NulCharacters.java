package dev.flotilla.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.error.BadRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Finds U+0000 in text and in values read whole from JSON (trees, maps, lists). */
public final class NulCharacters {

    private NulCharacters() {
    }

    /** Whether {@code text} contains U+0000. */
    public static boolean in(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /**
     * {@code text} unchanged, unless it contains U+0000: then a 400 {@code validation-failed}
     * problem naming {@code field}. For text the REST layer does not read through the
     * application's mapper or a parameter converter, such as an uploaded file's name.
     */
    public static String requireAbsent(String text, String field) {
        if (in(text)) {
            throw new BadRequest(field, NulCharacterException.MESSAGE);
        }
        return text;
    }

    /**
     * The path, inside {@code value}, to the first string or key that contains U+0000 (names
     * and indexes, outermost first), or {@code null} if there is none. {@code value} is a
     * {@link JsonNode} or what Jackson reads into {@code Object}: maps, lists, strings, numbers.
     */
    public static List<Object> pathOfFirst(Object value) {
        List<Object> path = new ArrayList<>();
        if (!contains(value, path)) {
            return null;
        }
        Collections.reverse(path);
        return path;
    }

    // The path is built innermost first, on the way back out.
    private static boolean contains(Object value, List<Object> path) {
        if (value instanceof String text) {
            return in(text);
        }
        if (value instanceof JsonNode node) {
            return containsInTree(node, path);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (in(key) || contains(entry.getValue(), path)) {
                    path.add(key);
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                if (contains(item, path)) {
                    path.add(index);
                    return true;
                }
                index++;
            }
        }
        return false;
    }

    private static boolean containsInTree(JsonNode node, List<Object> path) {
        if (node.isTextual()) {
            return in(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (in(field.getKey()) || containsInTree(field.getValue(), path)) {
                    path.add(field.getKey());
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                if (containsInTree(node.get(index), path)) {
                    path.add(index);
                    return true;
                }
            }
        }
        return false;
    }
}
