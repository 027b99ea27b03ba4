package dev.flotilla.conversation.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Chat sessions, under {@code flotilla.conversation.sessions}. */
@ConfigMapping(prefix = "flotilla.conversation.sessions")
public interface SessionConfig {

    /** How long a session stays active after its last use. */
    @WithDefault("30m")
    Duration ttl();

    /** A tenant's own time to live, by tenant id ({@code flotilla.conversation.sessions.tenant-ttl."<id>"=2h}). */
    Map<String, Duration> tenantTtl();

    /** How often each replica expires the sessions past their time. */
    @WithDefault("1m")
    Duration sweepInterval();

    /** How many sessions one sweep's transaction expires at most. */
    @WithDefault("500")
    int sweepBatch();

    default Duration ttlOf(UUID tenant) {
        return tenantTtl().getOrDefault(tenant.toString(), ttl());
    }
}
