package dev.flotilla.health.incident;

import dev.flotilla.health.registry.Target;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident of a target: open from {@code openedAt} until {@code resolvedAt}, its current status (that of its latest
 * update), why it opened, whether it opened during maintenance, the targets down because of it, and whether alerts
 * are sent about it.
 */
public record Incident(UUID tenant, UUID id, UUID targetId, String targetName, String group, String status, String reason,
        Instant openedAt, Instant resolvedAt, boolean inMaintenance, List<String> impacted, boolean alerted) {

    public Incident {
        impacted = List.copyOf(impacted);
    }

    public boolean open() {
        return resolvedAt == null;
    }

    public boolean platform() {
        return Target.PLATFORM.equals(tenant);
    }
}
