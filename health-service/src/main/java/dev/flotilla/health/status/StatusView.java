package dev.flotilla.health.status;

import java.util.List;

/**
 * The status page: {@code status} UP when every checked, enabled target is up, DOWN when none is, DEGRADED between.
 * Uptime and latency figures per target belong beside {@code targets} once results are rolled up.
 */
public record StatusView(String status, List<TargetStatus> targets) {
}
