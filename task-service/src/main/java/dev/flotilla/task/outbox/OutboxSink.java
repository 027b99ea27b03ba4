package dev.flotilla.task.outbox;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Where the outbox dispatcher delivers state changes. Delivery is at least once: a batch whose
 * {@code deliver} fails is offered again later, so consumers must tolerate repeats (the event id is
 * a stable deduplication key).
 */
public interface OutboxSink {

    /** Delivers the messages, in id order; a failed Uni means none of them counts as delivered. */
    Uni<Void> deliver(List<OutboxMessage> messages);
}
