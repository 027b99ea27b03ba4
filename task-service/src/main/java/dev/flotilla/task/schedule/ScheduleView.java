package dev.flotilla.task.schedule;

import java.time.Instant;
import java.util.UUID;

/** A schedule as the API shows it, with the next tick it will fire. */
public record ScheduleView(
        UUID id,
        String name,
        String cron,
        String timeZone,
        CatchUp catchUp,
        boolean enabled,
        TaskTemplate task,
        Instant nextRunAt,
        Instant lastRunAt,
        Instant createdAt,
        Instant updatedAt) {
}
