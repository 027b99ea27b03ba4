package dev.flotilla.health.maintenance;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurrenceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Recurrence weekly(Set<DayOfWeek> days, String at, Duration duration) {
        return new Recurrence(days, LocalTime.parse(at), duration, PARIS);
    }

    @Test
    void aWeeklyWindowCoversItsDayFromItsLocalStartForItsDuration() {
        Recurrence sundays = weekly(EnumSet.of(DayOfWeek.SUNDAY), "02:00", Duration.ofHours(2));
        // Sunday 2026-01-11, Paris is UTC+1 in winter.
        assertFalse(sundays.covers(Instant.parse("2026-01-11T00:59:59Z")));
        assertTrue(sundays.covers(Instant.parse("2026-01-11T01:00:00Z")));
        assertTrue(sundays.covers(Instant.parse("2026-01-11T02:59:59Z")));
        assertFalse(sundays.covers(Instant.parse("2026-01-11T03:00:00Z")), "the end is not covered");
    }

    @Test
    void aWeeklyWindowDoesNotCoverOtherDays() {
        Recurrence sundays = weekly(EnumSet.of(DayOfWeek.SUNDAY), "02:00", Duration.ofHours(2));
        assertFalse(sundays.covers(Instant.parse("2026-01-12T01:30:00Z")), "Monday");
    }

    @Test
    void aWindowThatRunsPastMidnightCoversTheNextMorning() {
        Recurrence fridayNights = weekly(EnumSet.of(DayOfWeek.FRIDAY), "23:00", Duration.ofHours(3));
        // Saturday 2026-01-17 01:30 in Paris: begun on Friday.
        assertTrue(fridayNights.covers(Instant.parse("2026-01-17T00:30:00Z")));
        assertFalse(fridayNights.covers(Instant.parse("2026-01-17T01:00:00Z")));
    }

    @Test
    void theLocalStartHoldsAcrossTheChangeToSummerTime() {
        Recurrence daily = new Recurrence(EnumSet.allOf(DayOfWeek.class), LocalTime.parse("09:00"), Duration.ofHours(1),
                PARIS);
        // 09:00 in Paris is 08:00Z before 2026-03-29 and 07:00Z from it.
        assertTrue(daily.covers(Instant.parse("2026-03-28T08:30:00Z")));
        assertFalse(daily.covers(Instant.parse("2026-03-29T08:30:00Z")));
        assertTrue(daily.covers(Instant.parse("2026-03-29T07:30:00Z")));
    }

    @Test
    void aStartInTheSpringGapMovesOnByTheGap() {
        // 02:30 does not exist in Paris on 2026-03-29: the window starts at 03:30 local (01:30Z) and lasts an hour.
        Recurrence daily = new Recurrence(EnumSet.allOf(DayOfWeek.class), LocalTime.parse("02:30"), Duration.ofHours(1),
                PARIS);
        assertFalse(daily.covers(Instant.parse("2026-03-29T01:29:59Z")));
        assertTrue(daily.covers(Instant.parse("2026-03-29T01:30:00Z")));
        assertFalse(daily.covers(Instant.parse("2026-03-29T02:30:00Z")));
    }

    @Test
    void theDurationIsElapsedTimeOverTheAutumnOverlap() {
        // 2026-10-25: 03:00 local goes back to 02:00; a window from 01:00 local for 3 hours ends at 03:00 local
        // (02:00Z), after the hour lived twice.
        Recurrence daily = new Recurrence(EnumSet.allOf(DayOfWeek.class), LocalTime.parse("01:00"), Duration.ofHours(3),
                PARIS);
        assertTrue(daily.covers(Instant.parse("2026-10-24T23:00:00Z")));
        assertTrue(daily.covers(Instant.parse("2026-10-25T01:59:59Z")));
        assertFalse(daily.covers(Instant.parse("2026-10-25T02:00:00Z")));
    }

    @Test
    void aWindowLongerThanADayIsFoundFromDaysBefore() {
        Recurrence mondays = weekly(EnumSet.of(DayOfWeek.MONDAY), "00:00", Duration.ofDays(3));
        // Monday 2026-01-12 00:00 Paris is 2026-01-11T23:00Z; three days later 2026-01-14T23:00Z.
        assertTrue(mondays.covers(Instant.parse("2026-01-14T22:59:59Z")));
        assertFalse(mondays.covers(Instant.parse("2026-01-14T23:00:00Z")));
    }
}
