package dev.flotilla.health.state;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a target stands after its latest result: its status since the first result of that status, when it was last
 * checked, why it last failed, how many results in a row failed or passed, and whether it is down because a target it
 * depends on is.
 */
public record TargetState(UUID tenant, UUID targetId, String status, Instant since, Instant lastResultAt,
        String lastFailure, int consecutiveFailures, int consecutiveSuccesses, boolean impacted) {
}
