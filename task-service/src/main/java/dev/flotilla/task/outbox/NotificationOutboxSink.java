package dev.flotilla.task.outbox;

import dev.flotilla.common.notification.NotificationClient;
import dev.flotilla.common.notification.NotificationRefused;
import dev.flotilla.task.config.TaskConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The outbox's sink: publishes the outcomes {@link TaskNotifications} picks out to
 * notification-service through the shared {@link NotificationClient}, as task-service's own
 * service client, a bounded number at a time and within {@code batch-timeout}, because the
 * dispatcher's transaction (holding the cursor's lock) waits meanwhile. A batch is delivered when
 * each of its notifications was published or passed over; when one cannot be published now
 * (notification-service down or refusing the service, no usable service client, the timeout),
 * the batch fails and is offered again later, and what was already published is answered from
 * its idempotency key instead of being notified twice.
 * <p>
 * Passed over, for good: everything while {@code flotilla.task.notifications.enabled} is false;
 * an event notification-service refuses as such (400, 409, 413, 415, 422: sending it again cannot
 * help, and holding it back would stop every later notification), logged at ERROR. Each event is
 * published with a token acting for the event's tenant (the platform's service client serves every tenant).
 */
@ApplicationScoped
public class NotificationOutboxSink implements OutboxSink {

    private static final Logger LOG = Logger.getLogger(NotificationOutboxSink.class);

    private final NotificationClient notifications;
    private final TaskConfig.Notifications config;
    private final AtomicBoolean saidOff = new AtomicBoolean();

    NotificationOutboxSink(NotificationClient notifications, TaskConfig config) {
        this.notifications = notifications;
        this.config = config.notifications();
    }

    @Override
    public Uni<Void> deliver(List<OutboxMessage> messages) {
        if (!config.enabled()) {
            if (saidOff.compareAndSet(false, true)) {
                LOG.info("Task notifications are off (flotilla.task.notifications.enabled=false): outcomes are not published");
            }
            return Uni.createFrom().voidItem();
        }
        List<TaskNotifications.Notification> due = messages.stream().map(TaskNotifications::of).filter(Objects::nonNull)
                .toList();
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(due)
                .onItem().transformToUni(this::publish).merge(config.concurrency())
                .collect().asList()
                .ifNoItem().after(config.batchTimeout())
                .failWith(() -> new TimeoutException("publishing " + due.size() + " notifications took longer than "
                        + config.batchTimeout()))
                .replaceWithVoid();
    }

    /** Publishes one notification; true when published, false when passed over for good. */
    private Uni<Boolean> publish(TaskNotifications.Notification notification) {
        return notifications.publish(notification.tenant(), notification.event(), notification.idempotencyKey())
                .replaceWith(true)
                .onFailure(failure -> failure instanceof NotificationRefused refused && refused.aboutTheEvent())
                .recoverWithItem(failure -> refused(notification, (NotificationRefused) failure));
    }

    private static boolean refused(TaskNotifications.Notification notification, NotificationRefused refused) {
        LOG.errorf("notification-service refused %s (%s of tenant %s) for good; it is passed over: %s",
                notification.event().type(), notification.idempotencyKey(), notification.tenant(), refused.getMessage());
        return false;
    }
}
