package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/v1/targets/{id}/history}: points from the rollups, with the buckets not rolled up yet read from the
 * raw results; its defaults and bounds; another tenant's target is not found.
 */
@QuarkusTest
class HistoryApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Db db;

    @Inject
    RollupJob job;

    @Inject
    RetentionJob retention;

    private HistoryData data;
    private final UUID tenant = Ids.next();
    private UUID target;

    @BeforeEach
    void target() {
        data = new HistoryData(db);
        target = HistoryData.target(tenant, "charted");
    }

    private String path() {
        return "/api/v1/targets/" + target + "/history";
    }

    private JsonPath history(Instant from, Instant to, String step) {
        return Requests.as(tenant, "viewer").queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("step", step).get(path()).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void historyOutlivesTheRawResultsItWasRolledUpFrom() {
        // Eight days ago: past the raw results' retention, within the hour rollups'.
        Instant base = HistoryData.hoursAgo(8 * 24);
        data.marks(base);
        data.result(tenant, target, base.plusSeconds(10), 100, false);
        data.result(tenant, target, base.plusSeconds(20), 300, true);
        data.result(tenant, target, base.plusSeconds(3700), 50, false);
        job.run(base.plus(Duration.ofHours(3))).await().atMost(WAIT);
        retention.purge(Instant.now()).await().atMost(WAIT);
        assertEquals(0, data.count("results", tenant, target));

        JsonPath hours = history(base, base.plus(Duration.ofHours(3)), "1h");
        assertEquals(List.of(base.toString(), base.plus(Duration.ofHours(1)).toString()), hours.getList("points.at"));
        assertEquals(Map.of("at", base.toString(), "checks", 2, "failures", 1, "uptime", 0.5f, "p50", 200, "p95", 290,
                "p99", 298), hours.getMap("points[0]"));
        assertEquals(1.0f, hours.getFloat("points[1].uptime"));
    }

    @Test
    void theNewestPointsComeFromResultsNotRolledUpYet() {
        Instant base = HistoryData.hoursAgo(50);
        data.marks(base);
        data.result(tenant, target, base.plusSeconds(10), 100, false);
        job.run(base.plus(Duration.ofMinutes(63))).await().atMost(WAIT);
        // After the marks (1:01 for minutes, 1:00 for hours): in a minute and an hour not rolled up yet.
        data.result(tenant, target, base.plus(Duration.ofMinutes(70)), 40, true);
        data.result(tenant, target, base.plus(Duration.ofMinutes(70)).plusSeconds(5), 60, false);

        JsonPath minutes = history(base, base.plus(Duration.ofMinutes(75)), "1m");
        assertEquals(List.of(base.toString(), base.plus(Duration.ofMinutes(70)).toString()), minutes.getList("points.at"));
        assertEquals(List.of(1, 2), minutes.getList("points.checks"));
        assertEquals(50, minutes.getInt("points[1].p50"));

        JsonPath hours = history(base, base.plus(Duration.ofMinutes(75)), "1h");
        assertEquals(List.of(1, 2), hours.getList("points.checks"));
        assertEquals(List.of(0, 1), hours.getList("points.failures"));
    }

    @Test
    void aDayIsItsHoursSummed() {
        Instant day = Level.HOUR.floor(Instant.now()).minus(Duration.ofDays(20));
        Instant start = Instant.ofEpochMilli(Math.floorDiv(day.toEpochMilli(), 86_400_000L) * 86_400_000L);
        data.marks(Instant.now().minus(Duration.ofMinutes(5)));
        data.hour(tenant, target, start.plus(Duration.ofHours(2)), 30, 3, 100, 200);
        data.hour(tenant, target, start.plus(Duration.ofHours(9)), 10, 1, 200, 400);
        JsonPath days = history(start, start.plus(Duration.ofDays(2)), "1d");
        // Percentiles of a day are its hours' weighted by their checks: (30 * 100 + 10 * 200) / 40.
        assertEquals(Map.of("at", start.toString(), "checks", 40, "failures", 4, "uptime", 0.9f, "p50", 125, "p95", 250,
                "p99", 250), days.getMap("points[0]"));
        assertEquals(1, days.getList("points").size());
    }

    @Test
    void withoutParametersItIsTheLastDayByTheHour() {
        JsonPath answer = Requests.as(tenant, "viewer").get(path()).then().statusCode(200).extract().jsonPath();
        assertEquals("1h", answer.getString("step"));
        assertEquals(target.toString(), answer.getString("targetId"));
        Instant from = Instant.parse(answer.getString("from"));
        Instant to = Instant.parse(answer.getString("to"));
        assertEquals(from, Level.HOUR.floor(to.minus(Duration.ofDays(1))));
        assertEquals(List.of(), answer.getList("points"));
    }

    @Test
    void anUnknownStepIsABadRequestNamingIt() {
        Requests.as(tenant, "viewer").queryParam("step", "5m").get(path()).then().spec(Problems.validationFailed())
                .body("errors.field", hasItem("step"));
    }

    @Test
    void moreThanTheMostPointsIsABadRequestNamingTheStep() {
        Instant to = Instant.parse("2026-06-01T00:00:00Z");
        Requests.as(tenant, "viewer").queryParam("from", to.minus(Duration.ofMinutes(1501)).toString())
                .queryParam("to", to.toString()).queryParam("step", "1m").get(path()).then()
                .spec(Problems.validationFailed()).body("errors.field", hasItem("step"))
                .body("detail", containsString("1501 points"));
        history(to.minus(Duration.ofMinutes(1500)), to, "1m");
    }

    @Test
    void fromAfterToIsABadRequestNamingFrom() {
        Requests.as(tenant, "viewer").queryParam("from", "2026-06-02T00:00:00Z").queryParam("to", "2026-06-01T00:00:00Z")
                .get(path()).then().spec(Problems.validationFailed()).body("errors.field", hasItem("from"));
    }

    @Test
    void anInstantThatIsNoneIsABadRequestNamingIt() {
        Requests.as(tenant, "viewer").queryParam("to", "yesterday").get(path()).then().spec(Problems.validationFailed())
                .body("errors.field", hasItem("to"));
    }

    @Test
    void anotherTenantsTargetIsNotFound() {
        Requests.as(Ids.next(), "admin").get(path()).then().spec(Problems.notFound());
    }
}
