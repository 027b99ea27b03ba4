package dev.flotilla.task.outbox;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The sink in use until notification-service offers an API to publish events to: it logs each
 * message at DEBUG and reports it delivered, so the dispatcher moves past it.
 * Nothing leaves the service yet. A bean implementing {@link OutboxSink} replaces this one.
 */
@ApplicationScoped
@DefaultBean
public class LoggingOutboxSink implements OutboxSink {

    private static final Logger LOG = Logger.getLogger(LoggingOutboxSink.class);

    @Override
    public Uni<Void> deliver(List<OutboxMessage> messages) {
        // Checked first: the arguments (the payload encoded again) would cost as much as the delivery itself.
        if (LOG.isDebugEnabled()) {
            for (OutboxMessage message : messages) {
                LOG.debugf("outbox %d %s %s %s", message.id(), message.topic(), message.aggregateId(),
                        message.payload().encode());
            }
        }
        return Uni.createFrom().voidItem();
    }
}
