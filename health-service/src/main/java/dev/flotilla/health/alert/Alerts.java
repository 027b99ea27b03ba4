package dev.flotilla.health.alert;

import dev.flotilla.common.notification.NotificationOutbox;
import dev.flotilla.health.registry.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes alerts about a target into the notification outbox ({@link NotificationOutbox}), inside the transaction of the
 * change they announce, so an alert is published exactly when its change commits. The topic is
 * {@code health.<group>}, or {@code health.<target name>} for a target without a group; the platform's alerts go to
 * {@code flotilla.health.alerts.platform-tenant}, or nowhere.
 */
@ApplicationScoped
public class Alerts {

    public static final String OPENED = "health.incident.opened";
    public static final String RESOLVED = "health.incident.resolved";
    public static final String REMINDER = "health.incident.reminder";

    private final NotificationOutbox outbox;
    private final Optional<UUID> platformTenant;

    Alerts(NotificationOutbox outbox, AlertConfig config) {
        this.outbox = outbox;
        this.platformTenant = config.platformTenant();
    }

    /** Whether alerts about the target are published at all (the platform's only to a configured tenant). */
    public boolean sent(UUID targetTenant) {
        return !Target.PLATFORM.equals(targetTenant) || platformTenant.isPresent();
    }

    /** Writes an alert of {@code type} about a target of {@code targetTenant}; nothing when it is not {@link #sent}. */
    public Uni<Void> write(SqlConnection tx, UUID targetTenant, String type, String topicKey, String subject,
            Map<String, Object> data) {
        if (!sent(targetTenant)) {
            return Uni.createFrom().voidItem();
        }
        UUID tenant = Target.PLATFORM.equals(targetTenant) ? platformTenant.orElseThrow() : targetTenant;
        return outbox.add(tx, tenant, type, subject, "health." + topicKey, data);
    }
}
