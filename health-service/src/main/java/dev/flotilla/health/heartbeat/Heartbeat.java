package dev.flotilla.health.heartbeat;

import java.time.Instant;
import java.util.UUID;

/**
 * The last heartbeat of a push target: when it came ({@code at}, null when none has) and what the job reported of
 * itself (a {@code down} with its message, when it failed).
 */
public record Heartbeat(UUID tenant, UUID targetId, Instant at, boolean down, String message) {

    /** A push target that has not sent a heartbeat. */
    public static Heartbeat none(UUID tenant, UUID targetId) {
        return new Heartbeat(tenant, targetId, null, false, null);
    }
}
