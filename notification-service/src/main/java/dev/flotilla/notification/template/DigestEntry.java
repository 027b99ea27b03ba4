package dev.flotilla.notification.template;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** One event of a digest, as its template lists it: the event's type, subject (or null), data and time. */
public record DigestEntry(String type, String subject, JsonObject data, Instant at) {
}
