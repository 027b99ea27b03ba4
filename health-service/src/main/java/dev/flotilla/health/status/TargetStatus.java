package dev.flotilla.health.status;

import dev.flotilla.health.history.Uptime;

import java.time.Instant;
import java.util.UUID;

/**
 * A target on the status page: {@code state} UP, DOWN, IMPACTED (down while a target it depends on is) or UNKNOWN
 * (never checked), since when, when it was last checked, why it last failed, its open incident, and its uptime
 * (the fraction of checks passed over the last hour, day, week and month, null without checks) with its latency
 * percentiles over the day, as of {@code uptimeThrough} (the rollups' minute, a few minutes behind).
 */
public record TargetStatus(UUID id, String name, String group, boolean platform, boolean enabled, String state,
        Instant since, Instant lastCheckedAt, String lastFailure, UUID openIncidentId, Uptimes uptime,
        Integer latencyP50Ms, Integer latencyP95Ms, Instant uptimeThrough) {

    static final String UNKNOWN = "UNKNOWN";
    static final String IMPACTED = "IMPACTED";

    /** Fractions of checks passed; null for a window without checks. */
    public record Uptimes(Double hour, Double day, Double week, Double month) {
    }

    /** This status with the target's uptime figures (none: as it is). */
    TargetStatus with(Uptime figures) {
        if (figures == null) {
            return this;
        }
        return new TargetStatus(id, name, group, platform, enabled, state, since, lastCheckedAt, lastFailure, openIncidentId,
                new Uptimes(figures.hour().uptime(), figures.day().uptime(), figures.week().uptime(),
                        figures.month().uptime()),
                figures.p50(), figures.p95(), figures.through());
    }
}
