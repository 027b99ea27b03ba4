package dev.flotilla.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NextAttemptTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(
            List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5)), 0, Duration.ofHours(1));

    @Test
    void endedOutcomesAreNotDueAgain() {
        assertEquals(new NextAttempt("SUCCEEDED", null), NextAttempt.after(AttemptResult.delivered("sent"), 1, SCHEDULE, NOW));
        assertEquals(new NextAttempt("SKIPPED", null), NextAttempt.after(AttemptResult.skipped("off"), 1, SCHEDULE, NOW));
        assertEquals(new NextAttempt("FAILED", null), NextAttempt.after(AttemptResult.refused("no address"), 1, SCHEDULE, NOW));
        assertEquals(new NextAttempt("FAILED", null), NextAttempt.after(AttemptResult.gone(410, "", "gone"), 1, SCHEDULE, NOW));
    }

    @Test
    void aHoldIsDueWhenItEndsWhateverTheSchedule() {
        Instant morning = Instant.parse("2026-03-01T07:00:00.1234567Z");
        NextAttempt next = NextAttempt.after(AttemptResult.held(morning, "quiet hours"), 3, SCHEDULE, NOW);
        assertEquals("PENDING", next.status());
        assertEquals(Instant.parse("2026-03-01T07:00:00.123456Z"), next.at());
    }

    @Test
    void aFailureIsDueAfterTheScheduledDelayOfItsAttemptUntilTheLast() {
        assertEquals(new NextAttempt("PENDING", NOW.plusSeconds(5)),
                NextAttempt.after(AttemptResult.failed("x"), 1, SCHEDULE, NOW));
        assertEquals(new NextAttempt("PENDING", NOW.plus(Duration.ofMinutes(5))),
                NextAttempt.after(AttemptResult.failed("x"), 2, SCHEDULE, NOW));
        NextAttempt last = NextAttempt.after(AttemptResult.failed("x"), 3, SCHEDULE, NOW);
        assertEquals("FAILED", last.status());
        assertNull(last.at());
    }

    @Test
    void holdsDoNotCountAsScheduledAttempts() {
        ClaimedDelivery afterTwoHolds = new ClaimedDelivery(null, null, "email", 3, 2, null, "task.failed", null, false, "{}",
                NOW, "user", null);
        assertEquals(1, afterTwoHolds.scheduledAttempt());
        ClaimedDigest digest = new ClaimedDigest(null, null, "user", null, "task.*", NOW, NOW, 2, 1, List.of());
        assertEquals(1, digest.scheduledAttempt());
    }
}
