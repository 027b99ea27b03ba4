package dev.flotilla.config.watch;

import dev.flotilla.common.error.BadRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WaitTimeTest {

    @Test
    void consulsFormsAreRead() {
        assertEquals(Duration.ofSeconds(60), WaitTime.parse("wait", "60s"));
        assertEquals(Duration.ofMinutes(5), WaitTime.parse("wait", "5m"));
        assertEquals(Duration.ofMillis(500), WaitTime.parse("wait", "500ms"));
        assertEquals(Duration.ofSeconds(90), WaitTime.parse("wait", "1m30s"));
        assertEquals(Duration.ofMinutes(90), WaitTime.parse("wait", "1.5h"));
        assertEquals(Duration.ofNanos(1500), WaitTime.parse("wait", "1.5us"));
        assertEquals(Duration.ZERO, WaitTime.parse("wait", "0"));
    }

    @Test
    void numbersWithoutUnitsSignsAndOtherTextAreRefusedNamingTheParameter() {
        for (String text : new String[] { "", "5", "-5s", "+5s", "5 s", "s", "5d", "1e3s", "5s5" }) {
            BadRequest refused = assertThrows(BadRequest.class, () -> WaitTime.parse("wait", text), text);
            assertEquals("wait", refused.errors().get(0).field(), text);
        }
    }

    @Test
    void anEnormousWaitIsReadAsAVeryLongOneRatherThanOverflowing() {
        assertEquals(Duration.ofDays(365), WaitTime.parse("wait", "99999999999999999999h"));
    }
}
