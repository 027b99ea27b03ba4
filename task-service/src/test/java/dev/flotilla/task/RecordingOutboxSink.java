package dev.flotilla.task;

import dev.flotilla.task.outbox.OutboxMessage;
import dev.flotilla.task.outbox.OutboxSink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The outbox sink of the tests: keeps every message delivered, so that tests can see what left the outbox. */
@ApplicationScoped
public class RecordingOutboxSink implements OutboxSink {

    private final Queue<OutboxMessage> delivered = new ConcurrentLinkedQueue<>();

    @Override
    public Uni<Void> deliver(List<OutboxMessage> messages) {
        delivered.addAll(messages);
        return Uni.createFrom().voidItem();
    }

    /** The messages delivered about this task or workflow. */
    public List<OutboxMessage> deliveredAbout(UUID aggregate) {
        return delivered.stream().filter(message -> message.aggregateId().equals(aggregate)).toList();
    }
}
