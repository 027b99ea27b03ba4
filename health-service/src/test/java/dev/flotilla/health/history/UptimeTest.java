package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The uptime of many targets at once, as the status shows it: the last hour, day, week and month, as of the minute mark. */
@QuarkusTest
class UptimeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Db db;

    @Inject
    RollupJob job;

    @Inject
    HistoryService history;

    private HistoryData data;
    private final UUID tenant = Ids.next();
    private UUID watched;
    private UUID quiet;
    private final Instant base = HistoryData.hoursAgo(24);

    @BeforeEach
    void targets() {
        data = new HistoryData(db);
        watched = HistoryData.target(tenant, "watched");
        quiet = HistoryData.target(tenant, "quiet");
        // Earlier hours, as the job would have rolled them up; the one 40 days ago is outside every window.
        data.hour(tenant, watched, base.minus(Duration.ofDays(3)), 10, 5, 100, 300);
        data.hour(tenant, watched, base.minus(Duration.ofDays(20)), 2, 2, 100, 300);
        data.hour(tenant, watched, base.minus(Duration.ofDays(40)), 7, 0, 100, 300);
        // The last half hour, in results the job rolls up into minutes.
        data.result(tenant, watched, base.plus(Duration.ofMinutes(1)), 10, false);
        data.result(tenant, watched, base.plus(Duration.ofMinutes(5)), 20, true);
        data.result(tenant, watched, base.plus(Duration.ofMinutes(10)), 30, false);
        data.result(tenant, watched, base.plus(Duration.ofMinutes(20)), 40, false);
        data.result(tenant, quiet, base.plus(Duration.ofMinutes(2)), 5, false);
        // The hour before is rolled up too, so the run moves the hour mark and sums the whole hours.
        data.marks(base.minus(Duration.ofHours(1)));
        job.run(base.plus(Duration.ofMinutes(32))).await().atMost(WAIT);
    }

    private Map<UUID, Uptime> uptimes(UUID asTenant) {
        return history.uptimes(asTenant, List.of(watched, quiet, Ids.next())).await().atMost(WAIT);
    }

    @Test
    void theStatusShowsEachTargetsUptimeAndLatency() {
        Requests.as(tenant, "viewer").get("/api/v1/status").then()
                .statusCode(200)
                .body("targets.find { it.name == 'watched' }.uptime.hour", is(0.75f))
                .body("targets.find { it.name == 'watched' }.latencyP50Ms", notNullValue())
                .body("targets.find { it.name == 'watched' }.uptimeThrough", notNullValue());
    }

    @Test
    void eachWindowCountsItsChecksAndFailures() {
        Uptime uptime = uptimes(tenant).get(watched);
        assertEquals(new Uptime.Window(4, 1), uptime.hour());
        assertEquals(new Uptime.Window(4, 1), uptime.day());
        assertEquals(new Uptime.Window(14, 6), uptime.week());
        assertEquals(new Uptime.Window(16, 8), uptime.month());
        assertEquals(0.5, uptime.month().uptime());
    }

    @Test
    void eachMinuteAddsItsChecksToTheHoursSummedAtTheHourMark() {
        data.result(tenant, watched, base.plus(Duration.ofMinutes(31)), 50, true);
        job.run(base.plus(Duration.ofMinutes(34))).await().atMost(WAIT);
        Uptime uptime = uptimes(tenant).get(watched);
        assertEquals(base.plus(Duration.ofMinutes(32)), uptime.through());
        assertEquals(new Uptime.Window(5, 2), uptime.hour());
        assertEquals(new Uptime.Window(17, 9), uptime.month());
    }

    @Test
    void uptimeIsAsOfTheMinuteMark() {
        assertEquals(base.plus(Duration.ofMinutes(30)), uptimes(tenant).get(watched).through());
    }

    @Test
    void theDaysPercentilesAreItsBucketsWeightedByTheirChecks() {
        Uptime uptime = uptimes(tenant).get(watched);
        assertEquals(25, (int) uptime.p50());
        assertEquals(25, (int) uptime.p95());
    }

    @Test
    void everyTargetAskedForIsAnsweredAtOnce() {
        Map<UUID, Uptime> uptimes = uptimes(tenant);
        assertEquals(2, uptimes.size());
        assertEquals(new Uptime.Window(1, 0), uptimes.get(quiet).hour());
        assertEquals(1.0, uptimes.get(quiet).hour().uptime());
    }

    @Test
    void aWindowWithoutChecksHasNoUptime() {
        assertNull(new Uptime.Window(0, 0).uptime());
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        assertEquals(Map.of(), uptimes(Ids.next()));
    }
}
