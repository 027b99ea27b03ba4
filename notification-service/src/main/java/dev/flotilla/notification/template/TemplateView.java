package dev.flotilla.notification.template;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** A stored template; {@code version} grows with every change and is its {@code ETag}. */
public record TemplateView(UUID id, String eventType, String channel, String locale, String title, String body,
        String subject, String html, String text, String createdBy, Instant createdAt, Instant updatedAt, int version) {

    String etag() {
        return "\"" + version + "\"";
    }

    /** The parts it has, by part. */
    Map<Part, String> sources() {
        return TemplateView.sources(title, body, subject, html, text);
    }

    static Map<Part, String> sources(String title, String body, String subject, String html, String text) {
        Map<Part, String> sources = new EnumMap<>(Part.class);
        put(sources, Part.TITLE, title);
        put(sources, Part.BODY, body);
        put(sources, Part.SUBJECT, subject);
        put(sources, Part.HTML, html);
        put(sources, Part.TEXT, text);
        return sources;
    }

    private static void put(Map<Part, String> sources, Part part, String source) {
        if (source != null) {
            sources.put(part, source);
        }
    }
}
