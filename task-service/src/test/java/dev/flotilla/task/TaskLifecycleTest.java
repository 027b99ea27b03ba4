package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class TaskLifecycleTest {

    private final Api api = new Api();

    @Test
    void aTaskWithoutDelayIsScheduledAtOnce() {
        api.call().body(Map.of("type", "summarize", "payload", Map.of("doc", 7), "priority", 7))
                .post("/api/v1/tasks").then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("status", is("SCHEDULED"))
                .body("priority", is(7))
                .body("payload.doc", is(7))
                .body("maxAttempts", is(3))
                .body("attempt", is(0));
    }

    @Test
    void aDelayedTaskIsPendingUntilItsTime() {
        api.call().body(Map.of("type", "later", "delay", "PT1H")).post("/api/v1/tasks").then()
                .statusCode(201).body("status", is("PENDING"));
        api.call().body(Map.of("type", "later", "runAt", Instant.now().plusSeconds(3600).toString())).post("/api/v1/tasks")
                .then()
                .statusCode(201).body("status", is("PENDING"));
    }

    @Test
    void runAtAndDelayTogetherAreABadRequest() {
        api.call().body(Map.of("type", "x", "delay", "PT1S", "runAt", Instant.now().toString())).post("/api/v1/tasks").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("delay"));
    }

    @Test
    void aPriorityOutsideZeroToNineIsABadRequest() {
        api.call().body(Map.of("type", "x", "priority", 10)).post("/api/v1/tasks").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("priority"));
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstTask() {
        Map<String, Object> body = Map.of("type", "once", "payload", Map.of("n", 1));
        String first = Responses.created(api.call().header("Idempotency-Key", "k-1").body(body).post("/api/v1/tasks").then());
        api.call().header("Idempotency-Key", "k-1").body(body).post("/api/v1/tasks").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", is(first));
        api.call().queryParam("type", "once").get("/api/v1/tasks").then().body("items", hasSize(1));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsAConflict() {
        api.call().header("Idempotency-Key", "k-2").body(Map.of("type", "a")).post("/api/v1/tasks").then().statusCode(201);
        api.call().header("Idempotency-Key", "k-2").body(Map.of("type", "b")).post("/api/v1/tasks").then()
                .spec(Problems.conflict());
    }

    @Test
    void theListFiltersByStatusAndType() {
        api.task("alpha");
        api.call().body(Map.of("type", "alpha", "delay", "PT1H")).post("/api/v1/tasks").then().statusCode(201);
        api.task("beta");
        api.call().queryParam("type", "alpha").queryParam("status", "PENDING").get("/api/v1/tasks").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].status", is("PENDING"));
    }

    @Test
    void aTaskShowsItsHistoryOfTransitions() {
        UUID agent = api.agent("historian");
        UUID task = api.task("history");
        String lease = api.claim(agent, Map.of("max", 1)).statusCode(200).extract().path("tasks[0].leaseId");
        api.complete(task, lease, Map.of("ok", true)).statusCode(200).body("status", is("SUCCEEDED"));
        api.getTask(task).statusCode(200)
                .body("events.to", contains("SCHEDULED", "RUNNING", "SUCCEEDED"))
                .body("events.reason", contains("created", "claimed", "completed"))
                .body("events[1].agentId", is(agent.toString()))
                .body("events[2].at", notNullValue())
                .body("result.ok", is(true));
    }

    @Test
    void cancellingAScheduledTaskCancelsItAtOnce() {
        UUID task = api.task("doomed");
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200).body("status", is("CANCELLED"));
    }

    @Test
    void cancellingAFinishedTaskIsAConflict() {
        UUID task = api.task("doomed-twice");
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200);
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().spec(Problems.conflict());
    }

    @Test
    void cancellingARunningTaskIsSeenOnTheAgentsNextHeartbeat() {
        UUID agent = api.agent("worker-c", "cancel-me");
        UUID task = api.task(Map.of("type", "long", "requiredCapabilities", List.of("cancel-me")));
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.call().body(Map.of("leaseId", lease, "progress", 0.5)).post("/api/v1/tasks/" + task + "/heartbeat").then()
                .statusCode(200).body("cancelRequested", is(false));
        api.call().post("/api/v1/tasks/" + task + "/cancel").then().statusCode(200)
                .body("status", is("RUNNING")).body("cancelRequested", is(true));
        api.call().body(Map.of("leaseId", lease)).post("/api/v1/tasks/" + task + "/heartbeat").then()
                .statusCode(200).body("cancelRequested", is(true));
        api.call().post("/api/v1/agents/" + agent + "/heartbeat").then().body("cancelRequested", contains(task.toString()));
        api.fail(task, lease, "stopped", true).statusCode(200).body("status", is("CANCELLED"));
    }

    @Test
    void aRetryableFailureGoesBackToTheQueueAndTheLastOneIsDead() {
        UUID agent = api.agent("flaky", "flaky");
        UUID task = api.task(Map.of("type", "flaky", "requiredCapabilities", List.of("flaky"), "maxAttempts", 2,
                "backoff", Map.of("initial", "PT0S")));
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.fail(task, lease, "boom", true).statusCode(200).body("status", is("SCHEDULED")).body("error", is("boom"));
        String second = api.claim(agent, Map.of("max", 1)).body("tasks[0].attempt", is(2)).extract().path("tasks[0].leaseId");
        api.fail(task, second, "boom again", true).statusCode(200).body("status", is("DEAD"));
    }

    @Test
    void aRetryableFailureWithBackOffWaitsAsPending() {
        UUID agent = api.agent("patient", "patient");
        UUID task = api
                .task(Map.of("type", "slow", "requiredCapabilities", List.of("patient"), "backoff", Map.of("initial", "PT1H")));
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.fail(task, lease, "later", true).statusCode(200).body("status", is("PENDING"));
        api.claim(agent, Map.of("max", 1)).body("tasks", empty());
    }

    @Test
    void aNonRetryableFailureFailsTheTaskAndItCanBeRetried() {
        UUID agent = api.agent("strict", "strict");
        UUID task = api.task(Map.of("type", "strict", "requiredCapabilities", List.of("strict")));
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.fail(task, lease, "bad input", false).statusCode(200).body("status", is("FAILED"));
        api.call().post("/api/v1/tasks/" + task + "/retry").then().statusCode(200).body("status", is("SCHEDULED"))
                .body("attempt", is(0));
        api.claim(agent, Map.of("max", 1)).body("tasks[0].id", is(task.toString()));
    }

    @Test
    void retryingATaskThatHasNotFailedIsAConflict() {
        UUID task = api.task("fine");
        api.call().post("/api/v1/tasks/" + task + "/retry").then().spec(Problems.conflict());
    }

    @Test
    void completingATaskThatIsNotRunningIsAConflict() {
        UUID task = api.task("idle");
        api.complete(task, UUID.randomUUID().toString(), Map.of()).spec(Problems.conflict());
    }

    @Test
    void completingTwiceWithTheSameLeaseAnswersTheCompletedTask() {
        UUID agent = api.agent("repeater", "repeat");
        UUID task = api.task(Map.of("type", "r", "requiredCapabilities", List.of("repeat")));
        String lease = api.claim(agent, Map.of("max", 1)).extract().path("tasks[0].leaseId");
        api.complete(task, lease, 1).statusCode(200);
        api.complete(task, lease, 1).statusCode(200).body("status", is("SUCCEEDED"));
    }

    @Test
    void anotherTenantsTaskIsNotFound() {
        UUID task = api.task("secret");
        Api other = new Api();
        other.getTask(task).spec(Problems.notFound());
        other.call().post("/api/v1/tasks/" + task + "/cancel").then().spec(Problems.notFound());
        other.call().post("/api/v1/tasks/" + task + "/retry").then().spec(Problems.notFound());
        other.complete(task, UUID.randomUUID().toString(), 1).spec(Problems.notFound());
        other.call().body(Map.of("leaseId", UUID.randomUUID())).post("/api/v1/tasks/" + task + "/heartbeat").then()
                .spec(Problems.notFound());
        other.call().get("/api/v1/tasks").then().body("items", empty());
    }

    @Test
    void aViewerMayReadButNotCreate() {
        Requests.as(api.tenant, "viewer").body(Map.of("type", "x")).post("/api/v1/tasks").then().spec(Problems.forbidden());
        Requests.as(api.tenant, "viewer").get("/api/v1/tasks").then().statusCode(200);
    }
}
