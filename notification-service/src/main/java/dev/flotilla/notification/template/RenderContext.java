package dev.flotilla.notification.template;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a template sees: {@code type} (the event's type), {@code subject} (what it is about, or
 * null), {@code data} (the event's data, {@code data.task.name}), and {@code fields}, the data's
 * top-level fields as {@code name}/{@code value} pairs (values as text, objects and arrays as JSON),
 * for templates that list them all as the built-in ones do. A digest's template sees {@code type} as
 * its rule's pattern, {@code count} (the window's events), {@code events} (those listed, each with
 * {@code type}, {@code subject}, {@code summary}, {@code at} and {@code data}) and {@code more} (those not listed).
 */
record RenderContext(String type, String subject, JsonObject data, String locale, List<JsonObject> events, int count) {

    RenderContext {
        data = data == null ? new JsonObject() : data;
        events = List.copyOf(events);
    }

    RenderContext(String type, String subject, JsonObject data, String locale) {
        this(type, subject, data, locale, List.of(), 0);
    }

    int more() {
        return count - events.size();
    }

    List<JsonObject> fields() {
        List<JsonObject> fields = new ArrayList<>(data.size());
        for (Map.Entry<String, Object> field : data) {
            fields.add(new JsonObject().put("name", field.getKey()).put("value", text(field.getValue())));
        }
        return fields;
    }

    Locale javaLocale() {
        return locale == null ? Locale.forLanguageTag(Locales.DEFAULT) : Locale.forLanguageTag(locale);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonObject object) {
            return object.encode();
        }
        if (value instanceof JsonArray array) {
            return array.encode();
        }
        return String.valueOf(value);
    }
}
