package dev.flotilla.conversation.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void secondsAreAWait() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", NOW));
    }

    @Test
    void anHttpDateIsAWaitUntilThen() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Mon, 07 Dec 2026 10:00:30 GMT", NOW));
    }

    @Test
    void aDateInThePastIsNoWait() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Mon, 07 Dec 2026 09:00:00 GMT", NOW));
    }

    @Test
    void somethingElseIsNoAdvice() {
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }
}
