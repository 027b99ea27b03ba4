package dev.flotilla.health.maintenance;

import java.util.List;

/**
 * A maintenance window as asked for: {@code name}; the targets by name or a {@code group}; and either {@code start} and
 * {@code end} (ISO-8601 instants) or a {@code recurrence}.
 */
public record CreateMaintenanceWindow(String name, List<String> targets, String group, String start, String end,
        RecurrenceRequest recurrence) {

    /**
     * {@code every} {@code daily} or {@code weekly} (then on {@code days}: {@code MONDAY}...), {@code at} a local
     * {@code HH:mm} of the IANA {@code zone}, for {@code duration} ({@code 2h}, {@code PT30M}).
     */
    public record RecurrenceRequest(String every, List<String> days, String at, String duration, String zone) {
    }
}
