package dev.flotilla.task;

import dev.flotilla.task.outbox.NotificationOutboxSink;
import dev.flotilla.task.outbox.OutboxMessage;
import dev.flotilla.task.outbox.OutboxSink;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The outbox sink of the tests: passes each batch on to the service's own sink (which publishes
 * notifications, to {@link NotificationReceiver}) and keeps every message delivered, in delivery
 * order, so that tests can see what left the outbox; refuses a batch once when asked to.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingOutboxSink implements OutboxSink {

    private final Queue<OutboxMessage> delivered = new ConcurrentLinkedQueue<>();
    private final Set<UUID> refusedOnce = ConcurrentHashMap.newKeySet();
    private final NotificationOutboxSink notifications;

    RecordingOutboxSink(NotificationOutboxSink notifications) {
        this.notifications = notifications;
    }

    @Override
    public Uni<Void> deliver(List<OutboxMessage> messages) {
        for (OutboxMessage message : messages) {
            if (refusedOnce.remove(message.aggregateId())) {
                return Uni.createFrom().failure(new IllegalStateException("refused a batch about " + message.aggregateId()));
            }
        }
        return notifications.deliver(messages).invoke(() -> delivered.addAll(messages));
    }

    /** The first batch with a message about this task or workflow fails. */
    public void refuseOnce(UUID aggregate) {
        refusedOnce.add(aggregate);
    }

    /** The messages delivered about this task or workflow, in delivery order. */
    public List<OutboxMessage> deliveredAbout(UUID aggregate) {
        return delivered.stream().filter(message -> message.aggregateId().equals(aggregate)).toList();
    }

    /** Every message delivered, in delivery order. */
    public List<OutboxMessage> delivered() {
        return List.copyOf(delivered);
    }
}
