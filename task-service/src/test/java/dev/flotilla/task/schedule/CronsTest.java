package dev.flotilla.task.schedule;

import com.cronutils.model.time.ExecutionTime;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Problem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Five-field Unix cron expressions and time zones as schedules take them, and the ticks they give. */
class CronsTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void theNextTickIsStrictlyAfterTheGivenInstant() {
        ExecutionTime hourly = Crons.parse("0 * * * *");
        assertEquals(Instant.parse("2026-01-01T11:00:00Z"),
                Crons.next(hourly, ZoneOffset.UTC, Instant.parse("2026-01-01T10:00:00Z")));
    }

    @Test
    void ticksAreCountedInTheScheduleTimeZone() {
        ExecutionTime noon = Crons.parse("0 12 * * *");
        assertEquals(Instant.parse("2026-01-15T11:00:00Z"), Crons.next(noon, OSLO, Instant.parse("2026-01-15T06:00:00Z")));
    }

    @Test
    void ticksKeepTheWallClockTimeAcrossADaylightSavingChange() {
        ExecutionTime noon = Crons.parse("0 12 * * *");
        // Oslo moves from UTC+1 to UTC+2 in the night to 29 March 2026: noon comes an hour earlier in UTC.
        assertEquals(Instant.parse("2026-03-29T10:00:00Z"), Crons.next(noon, OSLO, Instant.parse("2026-03-28T11:00:00Z")));
    }

    @Test
    void theLastTickCountsATickAtTheGivenInstantItself() {
        ExecutionTime hourly = Crons.parse("0 * * * *");
        Instant onTheHour = Instant.parse("2026-01-01T10:00:00Z");
        assertEquals(Optional.of(onTheHour), Crons.last(hourly, ZoneOffset.UTC, onTheHour));
    }

    @Test
    void theLastTickIsTheLatestBeforeTheGivenInstant() {
        ExecutionTime hourly = Crons.parse("0 * * * *");
        assertEquals(Optional.of(Instant.parse("2026-01-01T10:00:00Z")),
                Crons.last(hourly, ZoneOffset.UTC, Instant.parse("2026-01-01T10:59:59Z")));
    }

    @Test
    void surroundingWhitespaceOfAnExpressionIsIgnored() {
        ExecutionTime hourly = Crons.parse("  0 * * * *\n");
        assertEquals(Instant.parse("2026-01-01T11:00:00Z"),
                Crons.next(hourly, ZoneOffset.UTC, Instant.parse("2026-01-01T10:30:00Z")));
    }

    @Test
    void aMalformedExpressionIsABadRequestNamingTheCron() {
        BadRequest refusal = assertThrows(BadRequest.class, () -> Crons.parse("every day"));
        assertEquals("cron", refusal.errors().get(0).field());
    }

    @Test
    void aQuartzExpressionWithSecondsIsNotAFiveFieldExpression() {
        BadRequest refusal = assertThrows(BadRequest.class, () -> Crons.parse("0 0 12 * * ?"));
        assertEquals("cron", refusal.errors().get(0).field());
    }

    @Test
    void noTimeZoneMeansUtc() {
        assertEquals(ZoneId.of("UTC"), Crons.zone(null));
        assertEquals(ZoneId.of("UTC"), Crons.zone(" "));
    }

    @Test
    void aTimeZoneIsAnIanaName() {
        assertEquals(OSLO, Crons.zone(" Europe/Oslo "));
    }

    @Test
    void anUnknownTimeZoneIsABadRequestNamingTheTimeZone() {
        BadRequest refusal = assertThrows(BadRequest.class, () -> Crons.zone("Mars/Olympus"));
        assertEquals(List.of(new Problem.FieldError("timeZone", "'Mars/Olympus' is not a time zone such as Europe/Oslo")),
                refusal.errors());
    }
}
