package dev.flotilla.health.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When incidents open, resolve and remind, under {@code flotilla.health.incidents}. */
@ConfigMapping(prefix = "flotilla.health.incidents")
public interface IncidentConfig {

    /** How many failed checks in a row open an incident. */
    @WithDefault("3")
    int failureThreshold();

    /** How many passed checks in a row resolve it. */
    @WithDefault("2")
    int successThreshold();

    /** How often, at most, an open incident that was alerted is alerted again ({@code health.incident.reminder}). */
    @WithDefault("1h")
    Duration reminderInterval();

    /** How often each replica looks for incidents due a reminder, and counts the open ones for the metrics. */
    @WithDefault("1m")
    Duration scanInterval();
}
