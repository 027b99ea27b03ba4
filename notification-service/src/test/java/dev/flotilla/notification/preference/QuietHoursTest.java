package dev.flotilla.notification.preference;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quiet hours read on the zone's wall clock, across the nights its clocks change. In 2026 Europe/Paris goes from
 * 02:00 to 03:00 on 29 March and from 03:00 back to 02:00 on 25 October; America/New_York from 02:00 to 03:00 on
 * 8 March and from 02:00 back to 01:00 on 1 November.
 */
class QuietHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static QuietHours window(ZoneId zone, String start, String end) {
        return new QuietHours(zone, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static Instant utc(String dateTime) {
        return LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
    }

    @Test
    void aWindowAcrossMidnightHoldsUntilTheMorning() {
        QuietHours night = window(PARIS, "22:00", "07:00");
        // 23:30 in Paris in winter (UTC+1).
        assertEquals(Optional.of(utc("2026-01-16T06:00:00")), night.endOf(utc("2026-01-15T22:30:00")));
        // 06:59 the next morning: still quiet, until 07:00.
        assertEquals(Optional.of(utc("2026-01-16T06:00:00")), night.endOf(utc("2026-01-16T05:59:00")));
    }

    @Test
    void theStartIsInsideAndTheEndOutside() {
        QuietHours night = window(PARIS, "22:00", "07:00");
        assertTrue(night.contains(utc("2026-01-15T21:00:00")));
        assertFalse(night.contains(utc("2026-01-15T20:59:59")));
        assertFalse(night.contains(utc("2026-01-16T06:00:00")));
    }

    @Test
    void outsideQuietHoursNothingIsHeld() {
        QuietHours night = window(PARIS, "22:00", "07:00");
        Instant noon = utc("2026-01-15T11:00:00");
        assertEquals(Optional.empty(), night.endOf(noon));
        assertEquals(noon, night.heldUntil(noon));
    }

    @Test
    void aWindowWithinOneDayDoesNotCrossMidnight() {
        QuietHours lunch = window(NEW_YORK, "12:00", "13:30");
        // 12:15 in New York in winter (UTC-5).
        assertEquals(Optional.of(utc("2026-01-15T18:30:00")), lunch.endOf(utc("2026-01-15T17:15:00")));
        assertFalse(lunch.contains(utc("2026-01-15T04:00:00")));
    }

    @Test
    void theNightParisClocksGoForwardIsAnHourShorter() {
        QuietHours night = window(PARIS, "22:00", "07:00");
        // 22:00 on 28 March is 21:00 UTC (UTC+1); 07:00 on 29 March is 05:00 UTC (UTC+2).
        Instant end = night.endOf(utc("2026-03-28T23:00:00")).orElseThrow();
        assertEquals(utc("2026-03-29T05:00:00"), end);
        assertEquals(Duration.ofHours(8), Duration.between(utc("2026-03-28T21:00:00"), end));
        assertTrue(night.contains(utc("2026-03-28T21:00:00")));
        assertFalse(night.contains(utc("2026-03-29T05:00:00")));
    }

    @Test
    void theNightParisClocksGoBackIsAnHourLonger() {
        QuietHours night = window(PARIS, "22:00", "07:00");
        // 22:00 on 24 October is 20:00 UTC (UTC+2); 07:00 on 25 October is 06:00 UTC (UTC+1).
        Instant end = night.endOf(utc("2026-10-25T01:30:00")).orElseThrow();
        assertEquals(utc("2026-10-25T06:00:00"), end);
        assertEquals(Duration.ofHours(10), Duration.between(utc("2026-10-24T20:00:00"), end));
        // Both passes of 02:30 are quiet.
        assertTrue(night.contains(utc("2026-10-25T00:30:00")));
        assertTrue(night.contains(utc("2026-10-25T01:30:00")));
    }

    @Test
    void theNightNewYorkClocksGoForwardIsAnHourShorter() {
        QuietHours night = window(NEW_YORK, "21:00", "06:30");
        // 21:00 on 7 March is 02:00 UTC (UTC-5); 06:30 on 8 March is 10:30 UTC (UTC-4).
        Instant end = night.endOf(utc("2026-03-08T06:59:00")).orElseThrow();
        assertEquals(utc("2026-03-08T10:30:00"), end);
        assertEquals(Duration.ofHours(8).plusMinutes(30), Duration.between(utc("2026-03-08T02:00:00"), end));
    }

    @Test
    void theNightNewYorkClocksGoBackIsAnHourLonger() {
        QuietHours night = window(NEW_YORK, "21:00", "06:30");
        // 21:00 on 31 October is 01:00 UTC (UTC-4); 06:30 on 1 November is 11:30 UTC (UTC-5).
        Instant end = night.endOf(utc("2026-11-01T05:30:00")).orElseThrow();
        assertEquals(utc("2026-11-01T11:30:00"), end);
        assertEquals(Duration.ofHours(10).plusMinutes(30), Duration.between(utc("2026-11-01T01:00:00"), end));
        // 01:30 comes twice that night (05:30 and 06:30 UTC): quiet both times.
        assertTrue(night.contains(utc("2026-11-01T06:30:00")));
    }

    @Test
    void anEndTheClockSkipsIsReachedWhenTheClockJumps() {
        // 02:30 does not exist in Paris on 29 March: the clock goes from 02:00 to 03:00, at 01:00 UTC.
        QuietHours night = window(PARIS, "23:00", "02:30");
        assertEquals(Optional.of(utc("2026-03-29T01:00:00")), night.endOf(utc("2026-03-29T00:45:00")));
        assertFalse(night.contains(utc("2026-03-29T01:00:00")));
        // The night before, 02:30 exists: the window ends then (01:30 UTC, UTC+1).
        assertEquals(Optional.of(utc("2026-03-28T01:30:00")), night.endOf(utc("2026-03-28T01:00:00")));
    }

    @Test
    void aStartTheClockSkipsBeginsWhenTheClockJumps() {
        // 02:15 does not exist in New York on 8 March: quiet hours begin at the jump, 07:00 UTC (03:00 local).
        QuietHours early = window(NEW_YORK, "02:15", "05:00");
        assertFalse(early.contains(utc("2026-03-08T06:59:00")));
        assertTrue(early.contains(utc("2026-03-08T07:00:00")));
        assertEquals(Optional.of(utc("2026-03-08T09:00:00")), early.endOf(utc("2026-03-08T07:00:00")));
    }

    @Test
    void aWindowTheClockSkipsEntirelyIsNotQuietThatNight() {
        // 02:10–02:50 never shows on the Paris clock on 29 March.
        QuietHours skipped = window(PARIS, "02:10", "02:50");
        for (Instant at = utc("2026-03-28T23:00:00"); at.isBefore(utc("2026-03-29T03:00:00")); at = at.plusSeconds(300)) {
            assertFalse(skipped.contains(at), at.toString());
        }
        // On an ordinary night it does (01:10–01:50 UTC in winter).
        assertTrue(skipped.contains(utc("2026-03-28T01:30:00")));
    }

    @Test
    void aTimeTheClockShowsTwiceCountsAtItsFirstShowing() {
        // 01:30 shows twice in New York on 1 November (05:30 and 06:30 UTC): a window ending then ends at the first.
        QuietHours night = window(NEW_YORK, "23:00", "01:30");
        assertEquals(Optional.of(utc("2026-11-01T05:30:00")), night.endOf(utc("2026-11-01T05:00:00")));
        assertFalse(night.contains(utc("2026-11-01T06:00:00")));
        // And a window starting then starts at the first.
        QuietHours late = window(NEW_YORK, "01:30", "04:00");
        assertTrue(late.contains(utc("2026-11-01T05:30:00")));
        assertEquals(Optional.of(utc("2026-11-01T09:00:00")), late.endOf(utc("2026-11-01T05:30:00")));
    }

    @Test
    void aWindowThatStartsWhereItEndsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> window(PARIS, "07:00", "07:00"));
    }
}
