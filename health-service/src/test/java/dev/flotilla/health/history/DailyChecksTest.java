package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checks per day a status page's uptime bars show: hour rollups before the hour mark, raw results after it. */
@QuarkusTest
class DailyChecksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final LocalDate TOMORROW = LocalDate.now(ZoneOffset.UTC).plusDays(1);

    @Inject
    Db db;

    @Inject
    HistoryService history;

    @Test
    void eachDaySumsItsRolledUpHoursAndTheResultsNotRolledUpYet() {
        HistoryData data = new HistoryData(db);
        UUID tenant = Ids.next();
        UUID target = HistoryData.target(tenant, "daily");
        Instant mark = HistoryData.hoursAgo(2);
        Instant tenDaysAgo = mark.minus(Duration.ofDays(10));
        data.hour(tenant, target, tenDaysAgo, 10, 1, 5, 9);
        data.hour(tenant, target, tenDaysAgo.plus(Duration.ofHours(1)), 6, 0, 5, 9);
        // An hour after the mark: not counted from its rollup, its results count instead.
        data.hour(tenant, target, mark, 99, 99, 5, 9);
        data.result(tenant, target, mark.plus(Duration.ofMinutes(1)), 5, false);
        data.result(tenant, target, mark.plus(Duration.ofMinutes(2)), 5, true);
        data.marks(mark);

        List<DailyChecks> days = history.daily(List.of(tenant), List.of(target), LocalDate.now(ZoneOffset.UTC).minusDays(30),
                TOMORROW)
                .await().atMost(WAIT);

        LocalDate old = LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC);
        LocalDate recent = LocalDate.ofInstant(mark, ZoneOffset.UTC);
        long oldChecks = days.stream().filter(day -> day.date().equals(old)).mapToLong(DailyChecks::checks).sum();
        long recentChecks = days.stream().filter(day -> day.date().equals(recent)).mapToLong(DailyChecks::checks).sum();
        long recentFailures = days.stream().filter(day -> day.date().equals(recent)).mapToLong(DailyChecks::failures).sum();
        assertEquals(old.equals(LocalDate.ofInstant(tenDaysAgo.plus(Duration.ofHours(1)), ZoneOffset.UTC)) ? 16 : 10,
                oldChecks);
        assertEquals(2, recentChecks);
        assertEquals(1, recentFailures);
    }

    @Test
    void minutesRolledUpAfterTheHourMarkCountFromTheirRollupsAndOnlyLaterResultsRaw() {
        HistoryData data = new HistoryData(db);
        UUID tenant = Ids.next();
        UUID target = HistoryData.target(tenant, "minutes");
        Instant hourMark = HistoryData.hoursAgo(3);
        Instant minuteMark = hourMark.plus(Duration.ofMinutes(30));
        data.rollup(Level.MINUTE, tenant, target, hourMark.plus(Duration.ofMinutes(10)), 4, 1, 5, 9);
        // A result the minute rollup above already counts, and one after the minute mark.
        data.result(tenant, target, hourMark.plus(Duration.ofMinutes(10)), 5, false);
        data.result(tenant, target, minuteMark.plus(Duration.ofMinutes(1)), 5, true);
        data.mark(Level.HOUR, hourMark);
        data.mark(Level.MINUTE, minuteMark);

        List<DailyChecks> days = history.daily(List.of(tenant), List.of(target), LocalDate.now(ZoneOffset.UTC).minusDays(2),
                TOMORROW)
                .await().atMost(WAIT);

        assertEquals(5, days.stream().mapToLong(DailyChecks::checks).sum());
        assertEquals(2, days.stream().mapToLong(DailyChecks::failures).sum());
    }

    @Test
    void daysFromTheUpperBoundOnAreNotRead() {
        HistoryData data = new HistoryData(db);
        UUID tenant = Ids.next();
        UUID target = HistoryData.target(tenant, "bounded");
        Instant mark = HistoryData.hoursAgo(2);
        Instant threeDaysAgo = mark.minus(Duration.ofDays(3));
        data.hour(tenant, target, threeDaysAgo, 10, 1, 5, 9);
        data.result(tenant, target, mark.plus(Duration.ofMinutes(1)), 5, false);
        data.marks(mark);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        List<DailyChecks> days = history.daily(List.of(tenant), List.of(target), today.minusDays(10), today.minusDays(1))
                .await().atMost(WAIT);

        assertEquals(List.of(new DailyChecks(target, LocalDate.ofInstant(threeDaysAgo, ZoneOffset.UTC), 10, 1)), days);
    }

    @Test
    void noTargetsReadNothing() {
        assertEquals(List.of(),
                history.daily(List.of(), List.of(), LocalDate.now(ZoneOffset.UTC), TOMORROW).await().atMost(WAIT));
    }
}
