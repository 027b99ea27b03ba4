package dev.flotilla.common.notification;

import dev.flotilla.common.work.OutboxSettings;
import io.smallrye.config.ConfigMapping;

/**
 * How a service's notification outbox is published to notification-service ({@code flotilla.notification-outbox.*},
 * see {@link OutboxSettings}). Its shipper runs only in a service that sets
 * {@code flotilla.notification-outbox.ship-interval}, as only such a service has the {@code notification_outbox} table
 * in its schema.
 */
@ConfigMapping(prefix = "flotilla.notification-outbox")
public interface OutboxConfig extends OutboxSettings {
}
