package dev.flotilla.health.check;

import dev.flotilla.common.id.Ids;
import dev.flotilla.health.heartbeat.Heartbeat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a push target's last heartbeat is judged: the interval, its grace, a target not heard from, a reported failure. */
class PushFailuresTest {

    private static final UUID TENANT = Ids.next();
    private static final UUID TARGET = Ids.next();
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(5);

    private static Heartbeat up(Instant at) {
        return new Heartbeat(TENANT, TARGET, at, false, null);
    }

    private static List<String> failures(Heartbeat heartbeat, Duration interval, Instant at) {
        return Checker.pushFailures(heartbeat, CREATED, interval, GRACE, at);
    }

    @Test
    void aHeartbeatWithinTheIntervalIsUp() {
        Instant beat = CREATED.plusSeconds(3600);
        assertEquals(List.of(), failures(up(beat), Duration.ofMinutes(1), beat.plusSeconds(59)));
    }

    @Test
    void aShortIntervalHasTheConfiguredGraceAndNoMore() {
        Instant beat = CREATED.plusSeconds(3600);
        assertEquals(List.of(), failures(up(beat), Duration.ofSeconds(10), beat.plusSeconds(15)));
        assertEquals(List.of("no heartbeat since " + beat),
                failures(up(beat), Duration.ofSeconds(10), beat.plusMillis(15_001)));
    }

    @Test
    void aLongIntervalHasATenthOfItAsGrace() {
        Instant beat = CREATED.plusSeconds(36_000);
        assertEquals(List.of(), failures(up(beat), Duration.ofHours(1), beat.plus(Duration.ofMinutes(66))));
        assertEquals(List.of("no heartbeat since " + beat),
                failures(up(beat), Duration.ofHours(1), beat.plus(Duration.ofMinutes(66)).plusMillis(1)));
    }

    @Test
    void aTargetNotHeardFromCountsFromItsCreation() {
        Heartbeat none = Heartbeat.none(TENANT, TARGET);
        assertEquals(List.of(), failures(none, Duration.ofMinutes(1), CREATED.plusSeconds(66)));
        assertEquals(List.of("no heartbeat ever"), failures(none, Duration.ofMinutes(1), CREATED.plusMillis(66_001)));
    }

    @Test
    void aReportedDownFailsWithItsMessageEvenWhenOnTime() {
        Instant beat = CREATED.plusSeconds(3600);
        Heartbeat down = new Heartbeat(TENANT, TARGET, beat, true, "exit 3");
        assertEquals(List.of("reported down: exit 3"), failures(down, Duration.ofMinutes(1), beat.plusSeconds(1)));
    }

    @Test
    void aLateReportedDownNamesBothReasons() {
        Instant beat = CREATED.plusSeconds(3600);
        Heartbeat down = new Heartbeat(TENANT, TARGET, beat, true, null);
        assertEquals(List.of("no heartbeat since " + beat, "reported down"),
                failures(down, Duration.ofMinutes(1), beat.plusSeconds(600)));
    }
}
