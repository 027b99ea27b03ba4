package dev.flotilla.health.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** How incident alerts reach notification-service, under {@code flotilla.health.alerts}. */
@ConfigMapping(prefix = "flotilla.health.alerts")
public interface AlertConfig {

    /**
     * The tenant the platform's incidents (the suite's own services) are published for
     * ({@code FLOTILLA_HEALTH_ALERTS_PLATFORM_TENANT}); none by default: they are kept as incidents only.
     */
    Optional<UUID> platformTenant();

    /** How often each replica publishes waiting alerts. */
    @WithDefault("2s")
    Duration shipInterval();

    /** How many alerts one round publishes at most. */
    @WithDefault("100")
    int batch();

    /** How long an alert being published is held by the replica publishing it. */
    @WithDefault("30s")
    Duration lease();

    /** The wait after a first failed attempt; it doubles with each further one. */
    @WithDefault("2s")
    Duration minBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();
}
