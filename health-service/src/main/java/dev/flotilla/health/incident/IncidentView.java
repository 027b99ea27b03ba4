package dev.flotilla.health.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident as the API shows it; {@code updates} (its timeline, oldest first) only when one incident is read. */
public record IncidentView(UUID id, UUID targetId, String target, String group, boolean platform, String status,
        String reason, Instant openedAt, Instant resolvedAt, boolean inMaintenance, List<String> impacted,
        List<IncidentUpdate> updates) {

    static IncidentView of(Incident incident, List<IncidentUpdate> updates) {
        return new IncidentView(incident.id(), incident.targetId(), incident.targetName(), incident.group(),
                incident.platform(), incident.status(), incident.reason(), incident.openedAt(), incident.resolvedAt(),
                incident.inMaintenance(), incident.impacted(), updates);
    }
}
