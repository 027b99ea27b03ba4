package dev.flotilla.notification.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily window of wall-clock times, from {@code start} to {@code end} in {@code zone}, crossing
 * midnight when it ends before it starts (22:00–07:00).
 * <p>
 * Each night's window is one stretch of time: from the first instant the zone's clock shows
 * {@code start} to the first instant after that it shows {@code end}. A time the clock skips when
 * it goes forward counts as reached at the jump, and a time it shows twice when it goes back
 * counts at its first showing. So the window is an hour shorter on the night clocks go forward and
 * an hour longer on the night they go back, and a start or end that does not exist that night is
 * the moment of the change.
 */
public record QuietHours(ZoneId zone, LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need a start and an end that differ");
        }
    }

    /** The instant the quiet hours {@code at} falls in end; empty when {@code at} is outside them. */
    public Optional<Instant> endOf(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        for (LocalDate night : List.of(today.minusDays(1), today)) {
            Instant from = firstInstantShowing(night.atTime(start));
            Instant until = firstInstantShowing((crossesMidnight() ? night.plusDays(1) : night).atTime(end));
            if (!at.isBefore(from) && at.isBefore(until)) {
                return Optional.of(until);
            }
        }
        return Optional.empty();
    }

    public boolean contains(Instant at) {
        return endOf(at).isPresent();
    }

    /** {@code at} itself outside quiet hours, otherwise the instant they end: when e-mail due at {@code at} may go. */
    public Instant heldUntil(Instant at) {
        return endOf(at).orElse(at);
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /**
     * The first instant at which the zone's clock shows {@code local} or a later time: the change itself
     * when a gap skips {@code local}, the earlier of the two when an overlap repeats it.
     */
    private Instant firstInstantShowing(LocalDateTime local) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        // In an overlap atZone keeps the offset before the change, the earlier instant.
        return local.atZone(zone).toInstant();
    }
}
