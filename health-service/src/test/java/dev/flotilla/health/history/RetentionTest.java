package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention: raw results older than seven days, minute rollups older than seven days and hour rollups older than 400
 * days are deleted, and nothing younger; the rows deleted are counted per table.
 */
@QuarkusTest
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Db db;

    @Inject
    RetentionJob retention;

    private HistoryData data;
    private final UUID tenant = Ids.next();
    private UUID target;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @BeforeEach
    void target() {
        data = new HistoryData(db);
        target = HistoryData.target(tenant, "kept");
    }

    private Map<String, Long> purge() {
        return retention.purge(now).await().atMost(WAIT);
    }

    @Test
    void rawResultsOlderThanSevenDaysAreDeletedAndYoungerOnesKept() {
        Instant limit = now.minus(Duration.ofDays(7));
        data.result(tenant, target, limit.minusMillis(1), 10, false);
        data.result(tenant, target, limit.minusSeconds(3600), 10, false);
        data.result(tenant, target, limit, 10, false);
        data.result(tenant, target, limit.plusSeconds(60), 10, false);
        purge();
        assertEquals(2, data.count("results", tenant, target));
    }

    @Test
    void minuteRollupsOlderThanSevenDaysAreDeletedAndYoungerOnesKept() {
        Instant limit = now.minus(Duration.ofDays(7));
        data.rollup(Level.MINUTE, tenant, target, limit.minusSeconds(60), 1, 0, 1, 1);
        data.rollup(Level.MINUTE, tenant, target, limit, 1, 0, 1, 1);
        data.rollup(Level.MINUTE, tenant, target, limit.plusSeconds(60), 1, 0, 1, 1);
        data.rollup(Level.HOUR, tenant, target, limit.minusSeconds(3600), 1, 0, 1, 1);
        purge();
        assertEquals(2, data.count("rollups_minute", tenant, target));
        assertEquals(1, data.count("rollups_hour", tenant, target));
    }

    @Test
    void hourRollupsOlderThan400DaysAreDeletedAndYoungerOnesKept() {
        Instant limit = Level.HOUR.floor(now).minus(Duration.ofDays(400));
        Instant at = limit.isBefore(now.minus(Duration.ofDays(400))) ? limit.plusSeconds(3600) : limit;
        data.hour(tenant, target, at.minusSeconds(3600), 1, 0, 1, 1);
        data.hour(tenant, target, at.minusSeconds(7200), 1, 0, 1, 1);
        data.hour(tenant, target, at, 1, 0, 1, 1);
        purge();
        assertEquals(1, data.count("rollups_hour", tenant, target));
    }

    @Test
    void deletesRunInBatchesUntilNothingExpiredIsLeft() {
        Instant old = now.minus(Duration.ofDays(8));
        for (int i = 0; i < 12; i++) {
            data.result(tenant, target, old.plusSeconds(i), 10, false);
        }
        Map<String, Long> deleted = purge();
        assertTrue(deleted.get("results") >= 12, "deleted " + deleted);
        assertEquals(0, data.count("results", tenant, target));
    }

    @Test
    void deletedRowsAreCountedPerTable() {
        double before = deletedTotal("results");
        data.result(tenant, target, now.minus(Duration.ofDays(9)), 10, false);
        long deleted = purge().get("results");
        assertEquals(before + deleted, deletedTotal("results"));
        assertTrue(deleted >= 1);
    }

    private static double deletedTotal(String table) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^flotilla_health_retention_deleted_total\\{[^}]*table=\"" + table
                + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertTrue(matcher.find(), "no flotilla_health_retention_deleted_total for " + table);
        return Double.parseDouble(matcher.group(1));
    }
}
