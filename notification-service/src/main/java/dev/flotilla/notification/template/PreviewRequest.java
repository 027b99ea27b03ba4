package dev.flotilla.notification.template;

import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/templates/{id}/preview}: sample {@code data} and
 * {@code subject} of an event. A saved template renders in its own locale.
 */
public record PreviewRequest(
        Map<String, Object> data,
        @Size(max = 1000) String subject) {
}
