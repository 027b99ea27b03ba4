package dev.flotilla.task.schedule;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * A schedule as the API shows it, with the next tick it will fire. {@code version} counts the
 * changes people made; it is the schedule's ETag, not a member of the body.
 */
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
        Instant updatedAt,
        @JsonIgnore long version) {

    /** The ETag of this version of the schedule. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
