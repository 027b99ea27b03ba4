package dev.flotilla.notification.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How audit events are sent on to auth-service ({@code flotilla.audit.*}). */
@ConfigMapping(prefix = "flotilla.audit")
public interface AuditConfig {

    /** How often each replica looks for events to send (also read by {@code @Scheduled}). */
    @WithDefault("2s")
    Duration shipInterval();

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
