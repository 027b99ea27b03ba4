package dev.flotilla.health.condition;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Durations read as Go (and so Gatus) writes them, and shown as Gatus shows them. */
class DurationsTest {

    private static void assertMillis(String expected, String text) {
        assertEquals(0, new BigDecimal(expected).compareTo(Durations.millis(text)), text);
    }

    @Test
    void eachUnitReadsAsItsMilliseconds() {
        assertMillis("172800000", "48h");
        assertMillis("1800000", "30m");
        assertMillis("15000", "15s");
        assertMillis("300", "300ms");
        assertMillis("0.5", "500us");
        assertMillis("0.5", "500µs");
        assertMillis("0.000001", "1ns");
    }

    @Test
    void partsAddUpAndMayBeDecimalOrSigned() {
        assertMillis("5400000", "1h30m");
        assertMillis("1500", "1.5s");
        assertMillis("-60000", "-1m");
    }

    @Test
    void textWithoutAKnownUnitIsNoDuration() {
        assertNull(Durations.millis("1d"));
        assertNull(Durations.millis("48"));
        assertNull(Durations.millis("h"));
        assertNull(Durations.millis("UP"));
    }

    @Test
    void aDurationIsShownWithoutTrailingZeroParts() {
        assertEquals("336h", Durations.format(Duration.ofHours(336)));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("1h0m15s", Durations.format(Duration.ofSeconds(3_615)));
        assertEquals("45s", Durations.format(Duration.ofMillis(45_900)));
    }

    @Test
    void aDurationUnderASecondIsShownInMilliseconds() {
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("-2m", Durations.format(Duration.ofMinutes(-2)));
    }
}
