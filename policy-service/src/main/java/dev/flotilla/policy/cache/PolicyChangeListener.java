package dev.flotilla.policy.cache;

import dev.flotilla.common.notify.ChannelListener;
import dev.flotilla.common.notify.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.UUID;

/**
 * Listens on the PostgreSQL channel on which every policy change is announced (a trigger on the
 * {@code policies} table notifies when the change commits) and invalidates the changed tenant's
 * cached rule set. When listening (re)starts, notifications may have been missed, so every
 * tenant is invalidated; while it is interrupted, the cache is not trusted at all.
 */
@ApplicationScoped
public class PolicyChangeListener implements ChannelListener {

    /** The channel the {@code notify_policy_change} trigger (migration V1) notifies on. */
    public static final String CHANNEL = "flotilla_policy_changed";

    private final ActivePolicies cache;
    private final PgNotifications notifications;

    public PolicyChangeListener(ActivePolicies cache, PgNotifications notifications) {
        this.cache = cache;
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(CHANNEL, this);
    }

    @Override
    public void notified(String payload) {
        try {
            cache.invalidate(UUID.fromString(payload.trim()));
        } catch (IllegalArgumentException e) {
            cache.invalidateAll();
        }
    }

    @Override
    public void subscribed() {
        cache.notificationsReceived(true);
        cache.invalidateAll();
    }

    @Override
    public void interrupted() {
        cache.notificationsReceived(false);
    }

    /** Whether changes of other replicas are being heard now. */
    public boolean listening() {
        return notifications.listening();
    }
}
