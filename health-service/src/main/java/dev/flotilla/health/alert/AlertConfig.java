package dev.flotilla.health.alert;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;
import java.util.UUID;

/**
 * Who incident alerts are published for, under {@code flotilla.health.alerts}; how they are published is the shared
 * notification outbox's ({@code flotilla.notification-outbox.*}).
 */
@ConfigMapping(prefix = "flotilla.health.alerts")
public interface AlertConfig {

    /**
     * The tenant the platform's incidents (the suite's own services) are published for
     * ({@code FLOTILLA_HEALTH_ALERTS_PLATFORM_TENANT}); none by default: they are kept as incidents only.
     */
    Optional<UUID> platformTenant();
}
