package dev.flotilla.notification.preference;

import dev.flotilla.common.error.BadRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigestWindowsTest {

    private static final Map<String, Duration> RULES = Map.of("*", Duration.ofHours(1), "task.*", Duration.ofMinutes(10),
            "task.failed", Duration.ofMinutes(2));

    @Test
    void theMostSpecificRuleGivesTheWindow() {
        assertEquals(Optional.of(Duration.ofMinutes(2)), DigestWindows.windowFor("task.failed", RULES));
        assertEquals(Optional.of(Duration.ofMinutes(10)), DigestWindows.windowFor("task.run.succeeded", RULES));
        assertEquals(Optional.of(Duration.ofHours(1)), DigestWindows.windowFor("workflow.completed", RULES));
    }

    @Test
    void aTypeNoRuleSelectsIsNotDigested() {
        assertEquals(Optional.empty(), DigestWindows.windowFor("workflow.completed", Map.of("task.*", Duration.ofMinutes(5))));
    }

    @Test
    void aWindowIsAnIsoDurationOfWholeSecondsWithinBounds() {
        assertEquals(Duration.ofMinutes(10), DigestWindows.parse("window", "PT10M"));
        assertEquals(Duration.ofDays(1), DigestWindows.parse("window", "P1D"));
        assertThrows(BadRequest.class, () -> DigestWindows.parse("window", "10 minutes"));
        assertThrows(BadRequest.class, () -> DigestWindows.parse("window", "PT30S"));
        assertThrows(BadRequest.class, () -> DigestWindows.parse("window", "PT10M0.5S"));
        assertThrows(BadRequest.class, () -> DigestWindows.parse("window", "P8D"));
        assertThrows(BadRequest.class, () -> DigestWindows.parse("window", "-PT10M"));
    }
}
