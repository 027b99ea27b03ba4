package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rollup job, driven at times in the past: buckets hold the checks, failures and latency percentiles of their
 * results, rolling up again changes nothing, and the marks say how far it got.
 */
@QuarkusTest
class RollupTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Db db;

    @Inject
    RollupJob job;

    private HistoryData data;
    private final UUID tenant = Ids.next();
    private UUID target;
    private final Instant base = HistoryData.hoursAgo(72);

    @BeforeEach
    void target() {
        data = new HistoryData(db);
        target = HistoryData.target(tenant, "rolled-up");
        data.marks(base);
        // Minute 0: latencies 10 to 90 ms and 110 ms, the last two DOWN; minute 1: five of 200 ms.
        for (int i = 1; i <= 10; i++) {
            data.result(tenant, target, base.plusSeconds(i * 5), i == 10 ? 110 : i * 10, i > 8);
        }
        for (int i = 0; i < 5; i++) {
            data.result(tenant, target, base.plusSeconds(60 + i * 10), 200, false);
        }
    }

    private void run(Instant now) {
        job.run(now).await().atMost(WAIT);
    }

    @Test
    void minuteBucketsHoldTheirChecksFailuresAndPercentiles() {
        run(base.plus(Duration.ofMinutes(63)));
        assertEquals(List.of(base + " 10 2 10 110 55 101 108", base.plusSeconds(60) + " 5 0 200 200 200 200 200"),
                data.rollups(Level.MINUTE, tenant, target));
    }

    @Test
    void anHourBucketHoldsItsResultsPercentilesNotItsMinutes() {
        run(base.plus(Duration.ofMinutes(63)));
        // Fifteen latencies: 10 to 90 ms, 110 ms and five of 200 ms; the median is the eighth, 80 ms.
        assertEquals(List.of(base + " 15 2 10 200 80 200 200"), data.rollups(Level.HOUR, tenant, target));
    }

    @Test
    void marksStopAtTheLastBucketThatHasSettled() {
        run(base.plus(Duration.ofMinutes(63)));
        // The settle time is two minutes: at 1:03 the minutes before 1:01 and the hours before 1:00 are rolled up.
        assertEquals(base.plus(Duration.ofMinutes(61)), data.mark(Level.MINUTE));
        assertEquals(base.plus(Duration.ofHours(1)), data.mark(Level.HOUR));
    }

    @Test
    void aBucketIsNotRolledUpBeforeItHasSettled() {
        run(base.plus(Duration.ofSeconds(150)));
        assertEquals(List.of(), data.rollups(Level.MINUTE, tenant, target));
        // A result recorded late for minute 0 still counts, as the minute is rolled up only once it has settled.
        data.result(tenant, target, base.plusSeconds(58), 40, false);
        run(base.plus(Duration.ofSeconds(181)));
        assertEquals(List.of(base + " 11 2 10 110 50 100 108"), data.rollups(Level.MINUTE, tenant, target));
    }

    @Test
    void rollingUpAgainGivesTheSameRows() {
        run(base.plus(Duration.ofMinutes(63)));
        List<String> minutes = data.rollups(Level.MINUTE, tenant, target);
        List<String> hours = data.rollups(Level.HOUR, tenant, target);
        data.marks(base);
        run(base.plus(Duration.ofMinutes(63)));
        assertEquals(minutes, data.rollups(Level.MINUTE, tenant, target));
        assertEquals(hours, data.rollups(Level.HOUR, tenant, target));
    }

    @Test
    void aRunResumesAtTheMarkAndDoesNotRollUpWhatIsBehindIt() {
        run(base.plus(Duration.ofMinutes(63)));
        // A result behind the mark is not looked at again: the job never rescans what it has rolled up.
        data.result(tenant, target, base.plusSeconds(30), 1, true);
        run(base.plus(Duration.ofMinutes(64)));
        assertEquals(base + " 10 2 10 110 55 101 108", data.rollups(Level.MINUTE, tenant, target).get(0));
        assertEquals(base.plus(Duration.ofMinutes(62)), data.mark(Level.MINUTE));
    }
}
