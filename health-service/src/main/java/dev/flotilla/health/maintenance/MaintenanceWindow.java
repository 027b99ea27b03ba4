package dev.flotilla.health.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored maintenance window: the targets it covers (by name, or a group), and when: once from {@code start} to
 * {@code end}, or by its {@code recurrence}.
 */
public record MaintenanceWindow(UUID tenant, UUID id, String name, List<String> targets, String group, Instant start,
        Instant end, Recurrence recurrence, Instant createdAt) {

    public MaintenanceWindow {
        targets = List.copyOf(targets);
    }

    /** Whether it covers the target {@code targetName} of {@code targetGroup} at {@code instant}. */
    public boolean covers(String targetName, String targetGroup, Instant instant) {
        boolean target = targets.contains(targetName) || group != null && group.equals(targetGroup);
        if (!target) {
            return false;
        }
        return recurrence != null ? recurrence.covers(instant) : !instant.isBefore(start) && instant.isBefore(end);
    }
}
