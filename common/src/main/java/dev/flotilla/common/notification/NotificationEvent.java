package dev.flotilla.common.notification;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event to publish, as {@code POST /api/v1/events} takes it: a dot-separated {@code type}
 * ({@code task.failed}), an optional human-readable {@code subject}, the recipients, the
 * {@code data} templates and webhooks receive, and whether it is {@code critical} (bypasses
 * preferences and quiet hours). The data keeps its order, so the same event is the same request
 * every time it is sent (a repeat under one idempotency key must be).
 */
public record NotificationEvent(String type, @JsonInclude(JsonInclude.Include.NON_NULL) String subject,
        List<Recipient> recipients, Map<String, Object> data, boolean critical) {

    public NotificationEvent {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("An event has a type");
        }
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("An event has at least one recipient");
        }
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A non-critical event. */
    public static NotificationEvent of(String type, String subject, List<Recipient> recipients, Map<String, Object> data) {
        return new NotificationEvent(type, subject, recipients, data, false);
    }
}
