package dev.flotilla.notification.preference;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigestWindowTest {

    private static final UUID RULE = UUID.randomUUID();

    private static DigestWindow of(String length, String at) {
        return DigestWindow.of(RULE, "task.*", Duration.parse(length), Instant.parse(at));
    }

    @Test
    void windowsAreAlignedOnTheEpochSoEveryReplicaNamesTheSameOne() {
        DigestWindow window = of("PT10M", "2026-03-01T10:07:31.250Z");
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), window.start());
        assertEquals(Instant.parse("2026-03-01T10:10:00Z"), window.end());
        assertEquals(window, of("PT10M", "2026-03-01T10:00:00Z"));
        assertEquals(window, of("PT10M", "2026-03-01T10:09:59.999999Z"));
    }

    @Test
    void theEndOfAWindowIsTheStartOfTheNext() {
        assertEquals(Instant.parse("2026-03-01T10:10:00Z"), of("PT10M", "2026-03-01T10:10:00Z").start());
    }

    @Test
    void aLengthThatDoesNotDivideAnHourStillTilesTime() {
        DigestWindow window = of("PT7M", "2026-03-01T10:07:31Z");
        assertEquals(Duration.ofMinutes(7), Duration.between(window.start(), window.end()));
        assertEquals(0, window.start().getEpochSecond() % Duration.ofMinutes(7).getSeconds());
        assertEquals(window.end(), of("PT7M", window.end().minusNanos(1).toString()).end());
    }

    @Test
    void aWindowIsAPositiveWholeNumberOfSeconds() {
        assertThrows(IllegalArgumentException.class, () -> of("PT0S", "2026-03-01T10:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> of("PT1.5S", "2026-03-01T10:00:00Z"));
    }

    @Test
    void instantsBeforeTheEpochFallInTheWindowThatHoldsThem() {
        DigestWindow window = of("PT1M", "1969-12-31T23:59:30Z");
        assertEquals(Instant.parse("1969-12-31T23:59:00Z"), window.start());
        assertEquals(Instant.EPOCH, window.end());
    }
}
