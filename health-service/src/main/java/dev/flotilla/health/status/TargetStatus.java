package dev.flotilla.health.status;

import java.time.Instant;
import java.util.UUID;

/**
 * A target on the status page: {@code state} UP, DOWN, IMPACTED (down while a target it depends on is) or UNKNOWN
 * (never checked), since when, when it was last checked, why it last failed, and its open incident.
 */
public record TargetStatus(UUID id, String name, String group, boolean platform, boolean enabled, String state,
        Instant since, Instant lastCheckedAt, String lastFailure, UUID openIncidentId) {

    static final String UNKNOWN = "UNKNOWN";
    static final String IMPACTED = "IMPACTED";
}
