package dev.flotilla.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void secondsAreAWait() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse(" 0 ", NOW));
    }

    @Test
    void anHttpDateIsTheWaitUntilThen() {
        assertEquals(Duration.ofMinutes(90), RetryAfter.parse("Mon, 07 Dec 2026 11:30:00 GMT", NOW));
    }

    @Test
    void aDatePastAsksForNoWait() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 07 Dec 2026 09:00:00 GMT", NOW));
    }

    @Test
    void moreSecondsThanFitAreAsLongAsAnyoneWaits() {
        assertEquals(Duration.ofSeconds(Long.MAX_VALUE), RetryAfter.parse("99999999999999999999999", NOW));
    }

    @Test
    void absentOrUnreadableAsksForNothing() {
        assertNull(RetryAfter.parse(null, NOW));
        assertNull(RetryAfter.parse("", NOW));
        assertNull(RetryAfter.parse("soon", NOW));
        assertNull(RetryAfter.parse("-5", NOW));
        assertNull(RetryAfter.parse("1.5", NOW));
    }
}
