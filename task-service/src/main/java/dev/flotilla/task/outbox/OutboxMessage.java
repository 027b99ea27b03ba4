package dev.flotilla.task.outbox;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/**
 * One event handed to the {@link OutboxSink}: {@code task.status-changed} or {@code workflow.status-changed}.
 * The id (one sequence for both topics) is a stable deduplication key; {@code createdAt} is when
 * the change happened; {@code attempts} counts the failed deliveries of the batch it comes in.
 */
public record OutboxMessage(long id, UUID tenant, String topic, UUID aggregateId, JsonObject payload, Instant createdAt,
        int attempts) {
}
