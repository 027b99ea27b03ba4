package dev.flotilla.config.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * What a setting's value must be before it is stored: any JSON but {@code null}, with numbers a
 * double can hold and valid Unicode, at most a configured number of bytes as compact JSON. Also
 * the one place values turn into JSON text and back.
 */
final class SettingValues {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SettingValues() {
    }

    /** The value as the compact JSON text to store, after the checks; {@code field} names it in a refusal. */
    static String require(String field, JsonNode value, long maxBytes) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new BadRequest(field,
                    "must be a JSON value, not null: DELETE the setting, or merge-patch its key with null, to remove it");
        }
        requireStorable(field, value);
        String text = text(value);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    field + " is " + bytes + " bytes of JSON; a setting holds at most " + maxBytes);
        }
        return text;
    }

    /** Fails with a 400 naming {@code field} when {@code text} holds a lone UTF-16 surrogate. */
    static void requireUnicode(String field, String text) {
        if (text != null && hasLoneSurrogate(text)) {
            throw new BadRequest(field, "is a string that is not valid Unicode (a lone surrogate)");
        }
    }

    static String text(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    /** A value read from the database (always valid JSON). */
    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON that does not parse", e);
        }
    }

    /**
     * Refuses what JSON may carry but cannot be kept as sent: a number beyond a double ({@code 1e309} is
     * read as infinity, which neither JSON nor PostgreSQL can hold) and a lone UTF-16 surrogate (which
     * would be stored as {@code ?}).
     */
    private static void requireStorable(String field, JsonNode value) {
        if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
            throw new BadRequest(field, "is a number beyond the range of a double");
        }
        if (value.isTextual()) {
            requireUnicode(field, value.textValue());
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = value.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                String path = field + "." + member.getKey();
                if (hasLoneSurrogate(member.getKey())) {
                    throw new BadRequest(path, "is a name that is not valid Unicode (a lone surrogate)");
                }
                requireStorable(path, member.getValue());
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                requireStorable(field + "[" + i + "]", value.get(i));
            }
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
