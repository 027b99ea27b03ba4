package dev.flotilla.health.maintenance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A window that comes back: on each of {@code days}, at the local time {@code at} of {@code zone}, for
 * {@code duration}. Local times are the zone's, so a window keeps its wall-clock start across daylight saving time; a
 * start that falls into a gap moves on by the gap's length, one in an overlap takes the earlier offset (as
 * {@link ZonedDateTime#of} resolves them), and the duration is elapsed time.
 */
public record Recurrence(Set<DayOfWeek> days, LocalTime at, Duration duration, ZoneId zone) {

    public Recurrence {
        days = Set.copyOf(days);
    }

    /** Whether {@code instant} falls in one of the windows. */
    public boolean covers(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        // A window that began on an earlier day may still run: look back as many days as it lasts, and one more.
        long back = duration.toDays() + 1;
        for (long d = 0; d <= back; d++) {
            LocalDate day = today.minusDays(d);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant start = ZonedDateTime.of(day, at, zone).toInstant();
            if (!instant.isBefore(start) && instant.isBefore(start.plus(duration))) {
                return true;
            }
        }
        return false;
    }
}
