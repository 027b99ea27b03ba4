package dev.flotilla.health.status;

import java.util.List;

/**
 * The status page: {@code status} UP when every checked, enabled target is up, DOWN when none is, DEGRADED between.
 */
public record StatusView(String status, List<TargetStatus> targets) {
}
