package dev.flotilla.task.outbox;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** One outbox row handed to the {@link OutboxSink}: {@code task.status-changed} or {@code workflow.status-changed}. */
public record OutboxMessage(long id, UUID tenant, String topic, UUID aggregateId, JsonObject payload, Instant createdAt, int attempts) {
}
