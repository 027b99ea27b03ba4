package dev.flotilla.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.schedule.ScheduleTicker;
import dev.flotilla.task.task.NewTask;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.TaskSpec;
import dev.flotilla.task.task.Transitions;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ScheduleTest {

    private final Api api = new Api();

    @Inject
    Pool pool;

    @Inject
    ScheduleTicker ticker;

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

    @Inject
    Vertx vertx;

    private UUID schedule(String cron, String catchUp) {
        return UUID.fromString(Responses.created(api.call()
                .body(Map.of("name", "s-" + UUID.randomUUID(), "cron", cron, "timeZone", "Europe/Oslo",
                        "catchUp", catchUp, "task", Map.of("type", "report", "payload", Map.of("kind", "daily"))))
                .post("/api/v1/schedules").then()));
    }

    private void dueSince(UUID schedule, Instant dueAt) {
        pool.preparedQuery("update task.schedules set next_run_at = $2 where id = $1")
                .execute(Tuple.of(schedule, dueAt.atOffset(java.time.ZoneOffset.UTC))).await().atMost(Duration.ofSeconds(5));
    }

    private List<Instant> ticksOf(UUID schedule) {
        List<Instant> ticks = new ArrayList<>();
        pool.preparedQuery("select scheduled_for from task.tasks where schedule_id = $1 order by scheduled_for")
                .execute(Tuple.of(schedule))
                .await().atMost(Duration.ofSeconds(5)).forEach(row -> ticks.add(row.getOffsetDateTime(0).toInstant()));
        return ticks;
    }

    @Test
    void aScheduleIsCreatedWithItsNextTickInItsTimeZone() {
        api.call()
                .body(Map.of("name", "nightly", "cron", "30 2 * * *", "timeZone", "America/New_York", "task",
                        Map.of("type", "backup")))
                .post("/api/v1/schedules").then()
                .statusCode(201)
                .body("catchUp", is("RUN_ONCE"))
                .body("nextRunAt", notNullValue())
                .body("task.type", is("backup"));
    }

    @Test
    void aMalformedCronIsABadRequest() {
        api.call().body(Map.of("name", "bad", "cron", "every day", "task", Map.of("type", "x"))).post("/api/v1/schedules")
                .then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("cron"));
    }

    @Test
    void anUnknownTimeZoneIsABadRequest() {
        api.call()
                .body(Map.of("name", "bad-zone", "cron", "* * * * *", "timeZone", "Mars/Olympus", "task", Map.of("type", "x")))
                .post("/api/v1/schedules").then().spec(Problems.validationFailed()).body("errors[0].field", is("timeZone"));
    }

    @Test
    void concurrentTicksOfSeveralInstancesCreateOneTaskPerTick() {
        UUID schedule = schedule("* * * * *", "RUN_ONCE");
        dueSince(schedule, Instant.now().minusSeconds(5));
        List<Uni<Integer>> ticks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ticks.add(ticker.tick());
        }
        Uni.join().all(ticks).andFailFast().await().atMost(Duration.ofSeconds(30));
        assertEquals(1, ticksOf(schedule).size());
        api.call().get("/api/v1/schedules/" + schedule).then().body("lastRunAt", notNullValue());
    }

    /**
     * Two schedulers as two replicas run them: each with its own connection pool to the database,
     * both ticking (several times) through the same five minutes of a clock they share.
     */
    @Test
    void twoIndependentSchedulersCreateOneTaskPerCronTick() {
        UUID schedule = schedule("* * * * *", "RUN_ONCE");
        Instant first = Instant.parse(api.call().get("/api/v1/schedules/" + schedule).then().extract().path("nextRunAt"));
        SteppingClock clock = new SteppingClock(first);
        Pool replicaPool = separatePool();
        try {
            ScheduleTicker replicaOne = new ScheduleTicker(new Db(pool), tasks, transitions, config, json, clock, outage);
            ScheduleTicker replicaTwo = new ScheduleTicker(new Db(replicaPool), tasks, transitions, config, json, clock,
                    outage);
            List<Instant> minutes = new ArrayList<>();
            for (int minute = 0; minute < 5; minute++) {
                Instant tick = first.plus(Duration.ofMinutes(minute));
                minutes.add(tick);
                clock.set(tick.plusSeconds(2));
                List<Uni<Integer>> ticks = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ticks.add(replicaOne.tick());
                    ticks.add(replicaTwo.tick());
                }
                Uni.join().all(ticks).andFailFast().await().atMost(Duration.ofSeconds(30));
            }
            assertEquals(minutes, ticksOf(schedule));
        } finally {
            replicaPool.closeAndAwait();
        }
    }

    private Pool separatePool() {
        Config settings = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(settings.getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(settings.getValue("quarkus.datasource.username", String.class))
                .setPassword(settings.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        return Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(options)
                .using(vertx.getDelegate()).build());
    }

    /** A clock the test moves. */
    private static final class SteppingClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        SteppingClock(Instant now) {
            this(new AtomicReference<>(now), ZoneOffset.UTC);
        }

        private SteppingClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        /** The same stepping time, seen in another zone. */
        @Override
        public Clock withZone(ZoneId otherZone) {
            return new SteppingClock(now, otherZone);
        }
    }

    @Test
    void theDatabaseRefusesASecondTaskForTheSameTick() {
        UUID schedule = schedule("0 * * * *", "RUN_ONCE");
        Instant tick = Instant.parse("2026-01-01T10:00:00Z");
        TaskSpec spec = new TaskSpec("report", null, 5, List.of(), null, 3, Duration.ZERO, Duration.ZERO, 2.0);
        List<Uni<Integer>> inserts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NewTask task = new NewTask(UUID.randomUUID(), api.tenant, spec, null, null, null, null, 0, null, null, schedule,
                    tick, null);
            inserts.add(pool.withTransaction(connection -> tasks.insert(connection, task)).map(List::size));
        }
        List<Integer> created = Uni.join().all(inserts).andFailFast().await().atMost(Duration.ofSeconds(30));
        assertEquals(1, created.stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of(tick), ticksOf(schedule));
    }

    @Test
    void runOnceCatchesUpMissedTicksWithOneTaskForTheLatest() {
        UUID schedule = schedule("0 0 1 1 *", "RUN_ONCE");
        dueSince(schedule, Instant.now().minus(Duration.ofDays(800)));
        ticker.tick().await().atMost(Duration.ofSeconds(10));
        List<Instant> ticks = ticksOf(schedule);
        assertEquals(1, ticks.size());
        ZonedDateTime latest = ticks.get(0).atZone(ZoneId.of("Europe/Oslo"));
        assertEquals(1, latest.getDayOfYear());
        assertEquals(ZonedDateTime.now(ZoneId.of("Europe/Oslo")).getYear(), latest.getYear());
        Instant next = Instant.parse(api.call().get("/api/v1/schedules/" + schedule).then().extract().path("nextRunAt"));
        assertTrue(next.isAfter(Instant.now()));
    }

    @Test
    void skipDropsTicksMissedLongerAgoThanTheGrace() {
        UUID schedule = schedule("0 0 1 1 *", "SKIP");
        dueSince(schedule, Instant.now().minus(Duration.ofDays(800)));
        ticker.tick().await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(), ticksOf(schedule));
        Instant next = Instant.parse(api.call().get("/api/v1/schedules/" + schedule).then().extract().path("nextRunAt"));
        assertTrue(next.isAfter(Instant.now()));
    }

    @Test
    void aPausedScheduleDoesNotFire() {
        UUID schedule = schedule("* * * * *", "RUN_ONCE");
        api.call().post("/api/v1/schedules/" + schedule + "/pause").then().statusCode(200).body("enabled", is(false));
        dueSince(schedule, Instant.now().minusSeconds(5));
        ticker.tick().await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(), ticksOf(schedule));
        api.call().post("/api/v1/schedules/" + schedule + "/resume").then().statusCode(200).body("enabled", is(true));
    }

    @Test
    void anotherTenantsScheduleIsNotFound() {
        UUID schedule = schedule("* * * * *", "SKIP");
        Api other = new Api();
        other.call().get("/api/v1/schedules/" + schedule).then().spec(Problems.notFound());
        other.call().post("/api/v1/schedules/" + schedule + "/pause").then().spec(Problems.notFound());
        other.call().delete("/api/v1/schedules/" + schedule).then().spec(Problems.notFound());
        api.call().delete("/api/v1/schedules/" + schedule).then().statusCode(204);
    }
}
