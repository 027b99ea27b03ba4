package dev.flotilla.task.schedule;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The next ticks of a schedule, as times of day in its zone (ISO-8601 with that zone's offset then). */
public record SchedulePreview(UUID scheduleId, String timeZone, List<OffsetDateTime> nextRuns) {
}
