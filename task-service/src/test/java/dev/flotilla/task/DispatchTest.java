package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DispatchTest {

    private final Api api = new Api();

    @Test
    void twentyConcurrentClaimersCompleteAThousandTasksEachExactlyOnce() throws Exception {
        int taskCount = 1000;
        int claimers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<CompletableFuture<Void>> creations = new ArrayList<>();
            for (int i = 0; i < taskCount; i++) {
                int n = i;
                creations.add(
                        CompletableFuture.runAsync(() -> api.task(Map.of("type", "bulk", "payload", Map.of("n", n))), pool));
            }
            CompletableFuture.allOf(creations.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

            Map<String, AtomicInteger> claimed = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
            AtomicInteger refusals = new AtomicInteger();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int w = 0; w < claimers; w++) {
                UUID agent = api.agent("bulk-" + w);
                workers.add(CompletableFuture.runAsync(() -> {
                    while (true) {
                        ExtractableResponse<Response> claim = api.claim(agent, Map.of("max", 10)).statusCode(200).extract();
                        List<Map<String, Object>> tasks = claim.path("tasks");
                        if (tasks.isEmpty()) {
                            return;
                        }
                        for (Map<String, Object> task : tasks) {
                            String id = (String) task.get("id");
                            claimed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                            int status = api
                                    .complete(UUID.fromString(id), (String) task.get("leaseId"), Map.of("by", agent.toString()))
                                    .extract().statusCode();
                            if (status == 200) {
                                completed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                            } else {
                                refusals.incrementAndGet();
                            }
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

            assertEquals(taskCount, claimed.size(), "distinct tasks claimed");
            assertTrue(claimed.values().stream().allMatch(count -> count.get() == 1), "a task was handed out twice");
            assertEquals(taskCount, completed.size(), "distinct tasks completed");
            assertEquals(0, refusals.get(), "completions refused");
            int succeeded = 0;
            String cursor = null;
            do {
                var page = api.call().queryParam("status", "SUCCEEDED").queryParam("limit", 500)
                        .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/tasks").then().statusCode(200)
                        .extract();
                succeeded += page.<List<Object>> path("items").size();
                cursor = page.path("nextCursor");
            } while (cursor != null);
            assertEquals(taskCount, succeeded);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimsTakeTheHighestPriorityFirstThenTheOldest() {
        UUID agent = api.agent("picky");
        UUID low = api.task(Map.of("type", "p", "priority", 1));
        UUID highOld = api.task(Map.of("type", "p", "priority", 9));
        UUID mid = api.task(Map.of("type", "p", "priority", 5));
        UUID highNew = api.task(Map.of("type", "p", "priority", 9));
        api.claim(agent, Map.of("max", 4)).statusCode(200)
                .body("tasks.id", contains(highOld.toString(), highNew.toString(), mid.toString(), low.toString()));
    }

    @Test
    void anAgentOnlyGetsTasksWhoseCapabilitiesItHas() {
        UUID generalist = api.agent("generalist", "read");
        UUID specialist = api.agent("specialist", "read", "write");
        UUID task = api.task(Map.of("type", "edit", "requiredCapabilities", List.of("read", "write")));
        api.claim(generalist, Map.of("max", 5)).body("tasks", empty());
        api.claim(specialist, Map.of("max", 5)).body("tasks.id", contains(task.toString()));
    }

    @Test
    void aClaimCountsAsAHeartbeatOfTheAgent() {
        UUID agent = api.agent("claimer");
        api.claim(agent, Map.of()).statusCode(200);
        api.call().get("/api/v1/agents/" + agent).then().body("status", is("ONLINE"));
    }

    @Test
    void aLongPollIsWokenAtOnceByNewWork() throws Exception {
        UUID agent = api.agent("waiter");
        long start = System.nanoTime();
        CompletableFuture<List<String>> claim = CompletableFuture.supplyAsync(
                () -> api.claim(agent, Map.of("max", 1, "waitSeconds", 20)).statusCode(200).extract().path("tasks.id"));
        // A claim is the agent's heartbeat: once the agent is ONLINE, the claim has looked and found nothing.
        await("the claim found nothing and waits").atMost(Duration.ofSeconds(10))
                .until(() -> "ONLINE".equals(api.call().get("/api/v1/agents/" + agent).then().extract().path("status")));
        UUID task = api.task("wake-up");
        List<String> ids = claim.get(30, TimeUnit.SECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(List.of(task.toString()), ids);
        assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0, "the claim waited " + waited);
    }

    @Test
    void aLongPollWithoutWorkEndsEmptyAfterItsWait() {
        UUID agent = api.agent("bored");
        long start = System.nanoTime();
        api.claim(agent, Map.of("max", 1, "waitSeconds", 1)).statusCode(200).body("tasks", empty());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 900);
    }

    @Test
    void aClaimAskingForMoreThanAllowedIsABadRequest() {
        UUID agent = api.agent("greedy");
        api.claim(agent, Map.of("max", 100_000)).spec(Problems.validationFailed()).body("errors[0].field", is("max"));
        api.claim(agent, Map.of("waitSeconds", 3600)).spec(Problems.validationFailed())
                .body("errors[0].field", is("waitSeconds"));
    }

    @Test
    void anAgentThatStopsHeartbeatingLosesItsTaskToAnotherAfterTheLease() {
        UUID crashed = api.agent("crashed");
        UUID healthy = api.agent("healthy");
        UUID task = api.task(Map.of("type", "handover", "backoff", Map.of("initial", "PT0S")));
        String lostLease = api.claim(crashed, Map.of("max", 1, "leaseSeconds", 1)).extract().path("tasks[0].leaseId");

        var second = api.claim(healthy, Map.of("max", 1, "waitSeconds", 15)).statusCode(200)
                .body("tasks.id", contains(task.toString())).body("tasks[0].attempt", is(2)).extract();
        api.complete(task, lostLease, Map.of("late", true)).spec(Problems.conflict());
        api.complete(task, second.path("tasks[0].leaseId"), Map.of("on", "time")).statusCode(200).body("status",
                is("SUCCEEDED"));
        api.getTask(task)
                .body("events.reason", hasItem("lease expired"))
                .body("events.find { it.reason == 'lease expired' }.agentId", is(crashed.toString()))
                .body("agentId", is(healthy.toString()));
    }

    @Test
    void aLateCompleteBeforeTheSweeperRanIsStillAConflict() {
        UUID agent = api.agent("slowpoke");
        UUID task = api.task("late");
        ExtractableResponse<Response> claim = api.claim(agent, Map.of("max", 1, "leaseSeconds", 1)).extract();
        String lease = claim.path("tasks[0].leaseId");
        Instant expiry = Instant.parse(claim.path("tasks[0].leaseExpiresAt"));
        await("the lease has expired").atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(expiry));
        api.complete(task, lease, 1).spec(Problems.conflict());
    }

    @Test
    void heartbeatsKeepTheLeaseAlive() {
        UUID agent = api.agent("diligent");
        UUID task = api.task("steady");
        ExtractableResponse<Response> claim = api.claim(agent, Map.of("max", 1, "leaseSeconds", 1)).extract();
        String lease = claim.path("tasks[0].leaseId");
        Instant expiry = Instant.parse(claim.path("tasks[0].leaseExpiresAt"));
        // Six heartbeats, each when the lease has 600 ms left: well past the first lease of one second.
        for (int i = 0; i < 6; i++) {
            Instant renewal = expiry.minusMillis(600);
            await("the time to renew the lease").atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(renewal));
            expiry = Instant.parse(api.call().body(Map.of("leaseId", lease, "progress", i / 10.0, "message", "step " + i))
                    .post("/api/v1/tasks/" + task + "/heartbeat").then().statusCode(200).body("cancelRequested", is(false))
                    .extract().path("leaseExpiresAt"));
        }
        api.getTask(task).body("status", is("RUNNING")).body("progressMessage", is("step 5"));
        api.complete(task, lease, 1).statusCode(200);
    }

    @Test
    void anExpiredLeaseOnTheLastAttemptMakesTheTaskDead() {
        UUID agent = api.agent("fragile");
        UUID task = api.task(Map.of("type", "once-only", "maxAttempts", 1));
        api.claim(agent, Map.of("max", 1, "leaseSeconds", 1)).body("tasks", hasSize(1));
        await("task DEAD").atMost(Duration.ofSeconds(10))
                .until(() -> "DEAD".equals(api.getTask(task).extract().path("status")));
        api.getTask(task).body("events.reason", hasItem("lease expired; no attempts left"));
    }

    @Test
    void anAttemptRunningPastItsTimeoutIsTimedOutDespiteHeartbeats() {
        UUID agent = api.agent("overrunner");
        UUID task = api.task(Map.of("type", "bounded", "timeout", "PT1S"));
        String lease = api.claim(agent, Map.of("max", 1, "leaseSeconds", 60)).extract().path("tasks[0].leaseId");
        await("task TIMED_OUT").atMost(Duration.ofSeconds(10)).until(() -> {
            api.call().body(Map.of("leaseId", lease)).post("/api/v1/tasks/" + task + "/heartbeat");
            return "TIMED_OUT".equals(api.getTask(task).extract().path("status"));
        });
        api.call().post("/api/v1/tasks/" + task + "/retry").then().statusCode(200).body("status", is("SCHEDULED"));
    }

    @Test
    void aDelayedTaskBecomesClaimableWhenItsTimeComes() {
        UUID agent = api.agent("punctual");
        UUID task = api.task(Map.of("type", "soon", "delay", "PT1S"));
        api.claim(agent, Map.of("max", 1)).body("tasks", empty());
        api.claim(agent, Map.of("max", 1, "waitSeconds", 10)).statusCode(200).body("tasks.id", contains(task.toString()));
    }

    @Test
    void agentMetricsAreComputedFromTheTaskHistory() {
        UUID agent = api.agent("measured");
        UUID first = api.task("m");
        UUID second = api.task("m");
        UUID third = api.task(Map.of("type", "m", "maxAttempts", 1));
        List<Map<String, String>> tasks = api.claim(agent, Map.of("max", 3)).extract().path("tasks");
        for (Map<String, String> task : tasks) {
            UUID id = UUID.fromString(task.get("id"));
            if (id.equals(third)) {
                api.fail(id, task.get("leaseId"), "no", false).statusCode(200);
            } else if (id.equals(first) || id.equals(second)) {
                api.complete(id, task.get("leaseId"), 1).statusCode(200);
            }
        }
        api.task("m");
        api.claim(agent, Map.of("max", 1)).statusCode(200);
        api.call().queryParam("window", "PT1H").get("/api/v1/agents/" + agent + "/metrics").then()
                .statusCode(200)
                .body("completed", is(2))
                .body("failed", is(1))
                .body("inFlight", is(1))
                .body("successRate", is(2f / 3f))
                .body("durationP50Ms", org.hamcrest.Matchers.notNullValue())
                .body("durationP95Ms", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aMalformedMetricsWindowIsABadRequest() {
        UUID agent = api.agent("window");
        api.call().queryParam("window", "an hour").get("/api/v1/agents/" + agent + "/metrics").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("window"));
    }
}
