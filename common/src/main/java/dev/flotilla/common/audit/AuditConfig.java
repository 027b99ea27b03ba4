package dev.flotilla.common.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How a service's audit outbox is sent on to auth-service ({@code flotilla.audit.*}). The outbox's shipper runs only
 * in a service that sets {@code flotilla.audit.ship-interval}, as only such a service has the {@code audit_outbox}
 * table in its schema.
 */
@ConfigMapping(prefix = "flotilla.audit")
public interface AuditConfig {

    /**
     * How often each replica looks for events to send (read by {@code @Scheduled}): a duration such as {@code 2s}, or
     * {@code off} (the default) in a service that keeps no outbox.
     */
    @WithDefault("off")
    String shipInterval();

    /** The most events one replica sends per round. */
    @WithDefault("100")
    int batch();

    /** How long a claimed event is the claiming replica's to send before another may send it. */
    @WithDefault("30s")
    Duration lease();

    /** The longest wait before an event auth-service could not take is sent again (it doubles up to this). */
    @WithDefault("5m")
    Duration maxBackoff();
}
