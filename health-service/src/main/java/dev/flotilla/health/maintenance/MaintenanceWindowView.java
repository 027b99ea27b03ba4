package dev.flotilla.health.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A maintenance window as the API shows it. */
public record MaintenanceWindowView(UUID id, String name, List<String> targets, String group, Instant start, Instant end,
        RecurrenceView recurrence, Instant createdAt) {

    /** A recurrence as the API shows it: its days, local start time, ISO-8601 duration and zone. */
    public record RecurrenceView(List<String> days, String at, String duration, String zone) {
    }

    static MaintenanceWindowView of(MaintenanceWindow window) {
        Recurrence r = window.recurrence();
        RecurrenceView recurrence = r == null ? null
                : new RecurrenceView(r.days().stream().sorted().map(Enum::name).toList(), r.at().toString(),
                        r.duration().toString(), r.zone().getId());
        return new MaintenanceWindowView(window.id(), window.name(), window.targets(), window.group(), window.start(),
                window.end(), recurrence, window.createdAt());
    }
}
