package dev.flotilla.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryScheduleTest {

    private static final List<Duration> SVIX = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    private final RetrySchedule schedule = new RetrySchedule(SVIX, 0.1, Duration.ofHours(1));

    @Test
    void eightAttemptsFollowSvixsDelaysWithoutJitterAtTheMiddle() {
        assertEquals(8, schedule.attempts());
        for (int attempt = 1; attempt < 8; attempt++) {
            assertEquals(Optional.of(SVIX.get(attempt)), schedule.delayAfter(attempt, null, () -> 0.5), "after " + attempt);
        }
    }

    @Test
    void afterTheLastAttemptThereIsNoOther() {
        assertEquals(Optional.empty(), schedule.delayAfter(8, null, () -> 0.5));
        assertEquals(Optional.empty(), schedule.delayAfter(9, Duration.ofSeconds(1), () -> 0.5));
    }

    @Test
    void jitterVariesEachDelayByUpToATenthEitherWay() {
        assertEquals(Optional.of(Duration.ofMillis(4500)), schedule.delayAfter(1, null, () -> 0.0));
        assertEquals(Optional.of(Duration.ofMillis(5250)), schedule.delayAfter(1, null, () -> 0.75));
        assertEquals(Optional.of(Duration.ofMinutes(27)), schedule.delayAfter(3, null, () -> 0.0));
        assertEquals(Optional.of(Duration.ofHours(11)), schedule.delayAfter(7, null, () -> 1.0));
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), schedule.delayAfter(1, Duration.ofSeconds(120), () -> 0.5));
    }

    @Test
    void aRetryAfterShorterThanTheScheduleDoesNotHurryIt() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), schedule.delayAfter(2, Duration.ofSeconds(1), () -> 0.5));
    }

    @Test
    void retryAfterIsBoundedByTheLongestHonouredWait() {
        assertEquals(Optional.of(Duration.ofHours(1)), schedule.delayAfter(1, Duration.ofDays(3), () -> 0.5));
        assertEquals(Optional.of(Duration.ofHours(10)), schedule.delayAfter(6, Duration.ofDays(3), () -> 0.5));
    }

    @Test
    void aScheduleNeedsAnAttemptAndAJitterBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(), 0.1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(SVIX, 1.0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(SVIX, -0.1, Duration.ZERO));
    }
}
