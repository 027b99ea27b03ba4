package dev.flotilla.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.schedule.ScheduleTicker;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.Transitions;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ScheduleEditTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final Api api = new Api();

    @Inject
    Pool pool;

    @Inject
    TaskRepository tasks;

    @Inject
    Transitions transitions;

    @Inject
    TaskConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    DatabaseOutage outage;

    private UUID schedule(String cron, String zone) {
        return UUID.fromString(Responses.created(api.call()
                .body(Map.of("name", "s-" + UUID.randomUUID(), "cron", cron, "timeZone", zone,
                        "task", Map.of("type", "report", "payload", Map.of("kind", "daily", "format", "pdf"))))
                .post("/api/v1/schedules").then()));
    }

    private String etagOf(UUID schedule) {
        return api.call().get("/api/v1/schedules/" + schedule).then().statusCode(200).extract().header("ETag");
    }

    private RequestSpecification patch(Object body) {
        return api.call().contentType(MERGE_PATCH).body(body);
    }

    @Test
    void anEditMergesIntoTheScheduleAndAnswersANewETag() {
        UUID schedule = schedule("0 6 * * *", "Europe/Oslo");
        String etag = etagOf(schedule);
        patch(Map.of("cron", "30 7 * * 1-5", "task", Map.of("type", "digest", "payload", Map.of("format", "html"))))
                .header("If-Match", etag)
                .patch("/api/v1/schedules/" + schedule).then().statusCode(200)
                .header("ETag", not(etag))
                .body("cron", is("30 7 * * 1-5"))
                .body("timeZone", is("Europe/Oslo"))
                .body("task.type", is("digest"))
                .body("task.payload", is(Map.of("kind", "daily", "format", "html")))
                .body("nextRunAt", matchesPattern(".*T0[56]:30:00Z"));
    }

    @Test
    void theNextTickOfAnyReplicaCreatesTheEditedTask() {
        UUID schedule = schedule("* * * * *", "UTC");
        patch(Map.of("task", Map.of("type", "edited", "priority", 8))).header("If-Match", etagOf(schedule))
                .patch("/api/v1/schedules/" + schedule).then().statusCode(200);
        pool.preparedQuery("update task.schedules set next_run_at = $2 where id = $1")
                .execute(Tuple.of(schedule, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5)))
                .await().atMost(Duration.ofSeconds(5));
        // A ticker of its own, as another replica's: it knows the schedule only from the database.
        new ScheduleTicker(new Db(pool), tasks, transitions, config, json, Clock.systemUTC(), outage).tick()
                .await().atMost(Duration.ofSeconds(10));
        var created = pool.preparedQuery("select type, priority from task.tasks where schedule_id = $1")
                .execute(Tuple.of(schedule))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertEquals("edited", created.getString("type"));
        assertEquals(8, created.getInteger("priority"));
    }

    @Test
    void anEditWithoutIfMatchIsRefused() {
        UUID schedule = schedule("0 6 * * *", "UTC");
        patch(Map.of("cron", "0 7 * * *")).patch("/api/v1/schedules/" + schedule).then().spec(Problems.preconditionRequired());
    }

    @Test
    void anEditOfAnOlderVersionIsRefused() {
        UUID schedule = schedule("0 6 * * *", "UTC");
        String etag = etagOf(schedule);
        api.call().post("/api/v1/schedules/" + schedule + "/pause").then().statusCode(200);
        patch(Map.of("cron", "0 7 * * *")).header("If-Match", etag).patch("/api/v1/schedules/" + schedule).then()
                .spec(Problems.preconditionFailed());
    }

    @Test
    void anEditedCronIsCheckedAsAtCreation() {
        UUID schedule = schedule("0 6 * * *", "UTC");
        patch(Map.of("cron", "every morning")).header("If-Match", etagOf(schedule)).patch("/api/v1/schedules/" + schedule)
                .then().spec(Problems.validationFailed()).body("errors[0].field", is("cron"));
        patch(Map.of("task", Map.of("type", ""))).header("If-Match", etagOf(schedule)).patch("/api/v1/schedules/" + schedule)
                .then().spec(Problems.validationFailed()).body("errors[0].field", is("task.type"));
        patch(Map.of("enabled", false)).header("If-Match", etagOf(schedule)).patch("/api/v1/schedules/" + schedule)
                .then().spec(Problems.validationFailed()).body("errors[0].field", is("enabled"));
    }

    @Test
    void thePreviewListsTheNextTicksInTheSchedulesZone() {
        UUID schedule = schedule("30 2 * * *", "America/New_York");
        List<String> runs = api.call().get("/api/v1/schedules/" + schedule + "/next?count=3").then().statusCode(200)
                .body("timeZone", is("America/New_York"))
                .body("nextRuns", hasSize(3))
                .body("nextRuns", everyItem(matchesPattern("\\d{4}-\\d{2}-\\d{2}T02:30:00-0[45]:00")))
                .extract().path("nextRuns");
        assertTrue(OffsetDateTime.parse(runs.get(0)).toInstant().isAfter(Instant.now()));
        assertTrue(OffsetDateTime.parse(runs.get(0)).isBefore(OffsetDateTime.parse(runs.get(1))));
        api.call().get("/api/v1/schedules/" + schedule + "/next").then().statusCode(200).body("nextRuns", hasSize(5));
    }

    @Test
    void aPreviewOfOutsideOneToOneHundredTicksIsABadRequest() {
        UUID schedule = schedule("* * * * *", "UTC");
        api.call().get("/api/v1/schedules/" + schedule + "/next?count=0").then().spec(Problems.validationFailed());
        api.call().get("/api/v1/schedules/" + schedule + "/next?count=101").then().spec(Problems.validationFailed());
    }

    @Test
    void anotherTenantsScheduleIsNeitherEditedNorPreviewed() {
        UUID schedule = schedule("* * * * *", "UTC");
        String etag = etagOf(schedule);
        Api other = new Api();
        other.call().contentType(MERGE_PATCH).body(Map.of("cron", "0 7 * * *")).header("If-Match", etag)
                .patch("/api/v1/schedules/" + schedule).then().spec(Problems.notFound());
        other.call().get("/api/v1/schedules/" + schedule + "/next").then().spec(Problems.notFound());
    }
}
