package dev.flotilla.notification.template;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/templates/render}: an event as a channel would render it, with
 * the template that applies to its type and {@code locale} (or the built-in one).
 */
public record RenderRequest(
        @NotNull @Size(max = 128) String eventType,
        @NotNull @Size(max = 20) String channel,
        @Size(max = Locales.MAX_LENGTH) String locale,
        @Size(max = 1000) String subject,
        Map<String, Object> data) {
}
