package dev.flotilla.health.history;

import dev.flotilla.common.error.BadRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The history's parameters: defaults, alignment of the start to its step, and the bounds. */
class HistoryQueryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:34:56Z");

    @Test
    void withoutParametersTheSpanIsTheLastDayByTheHour() {
        assertEquals(new HistoryQuery(Instant.parse("2026-03-09T12:00:00Z"), NOW, Step.HOUR),
                HistoryQuery.of(null, null, null, NOW));
    }

    @Test
    void theStartMovesBackToTheBeginningOfItsStep() {
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"),
                HistoryQuery.of("2026-03-01T17:20:00Z", null, "1d", NOW).from());
    }

    @Test
    void anOffsetIsReadAsTheInstantItNames() {
        assertEquals(Instant.parse("2026-03-10T10:00:00Z"), HistoryQuery.of(null, "2026-03-10T12:00:00+02:00", "1m", NOW).to());
    }

    @Test
    void exactlyTheMostPointsIsAllowedAndOneMoreIsNot() {
        assertEquals(Step.MINUTE, HistoryQuery.of("2026-03-09T11:34:00Z", "2026-03-10T12:34:00Z", "1m", NOW).step());
        BadRequest refused = assertThrows(BadRequest.class,
                () -> HistoryQuery.of("2026-03-09T11:33:00Z", "2026-03-10T12:34:00Z", "1m", NOW));
        assertEquals("step", refused.errors().get(0).field());
    }

    @Test
    void anInstantOutsideTheYearsOneTo9999IsRefused() {
        assertThrows(BadRequest.class, () -> HistoryQuery.of("+100000-01-01T00:00:00Z", null, null, NOW));
    }
}
