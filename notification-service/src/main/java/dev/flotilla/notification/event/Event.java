package dev.flotilla.notification.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as published: its dot-separated {@code type} ({@code task.failed}), what it is about
 * ({@code subject}, optional), its {@code data}, the recipients as the publisher named them, and
 * whether it is {@code critical} (delivered whatever the recipients' preferences and quiet hours).
 */
public record Event(UUID id, UUID tenant, String type, String subject, JsonObject data, boolean critical,
        JsonArray recipients, String publishedBy, Instant createdAt) {
}
