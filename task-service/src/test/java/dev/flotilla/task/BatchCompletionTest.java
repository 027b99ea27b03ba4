package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/tasks/completions}: an agent completing the tasks it holds in one request, each
 * under its lease; and the same completions made by a claim before it takes the next tasks.
 */
@QuarkusTest
class BatchCompletionTest {

    private final Api api = new Api();

    /** The tasks a fresh agent claimed: id and lease of each. */
    private List<Map<String, Object>> held(int count, String capability) {
        return held(api.agent("completer-" + capability, capability), count, capability);
    }

    /** The tasks the agent claimed (after creating them): id and lease of each. */
    private List<Map<String, Object>> held(UUID agent, int count, String capability) {
        for (int i = 0; i < count; i++) {
            api.task(Map.of("type", "work", "requiredCapabilities", List.of(capability), "payload", Map.of("n", i)));
        }
        ExtractableResponse<Response> claim = api.claim(agent, Map.of("max", count)).statusCode(200).extract();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(Map.of("id", claim.path("tasks[" + i + "].id"), "leaseId", claim.path("tasks[" + i + "].leaseId"),
                    "result", Map.of("n", i)));
        }
        return tasks;
    }

    private io.restassured.response.ValidatableResponse completeAll(List<Map<String, Object>> items) {
        return api.call().body(Map.of("tasks", items)).post("/api/v1/tasks/completions").then();
    }

    @Test
    void everyHeldTaskIsCompletedWithItsResult() {
        List<Map<String, Object>> tasks = held(3, "all");
        completeAll(tasks).statusCode(200)
                .body("tasks.id", contains(tasks.get(0).get("id"), tasks.get(1).get("id"), tasks.get(2).get("id")))
                .body("tasks.completed", contains(true, true, true))
                .body("tasks.task.status", contains("SUCCEEDED", "SUCCEEDED", "SUCCEEDED"));
        api.getTask(UUID.fromString((String) tasks.get(2).get("id")))
                .body("result.n", is(2))
                .body("events.reason", contains("created", "claimed", "completed"));
    }

    @Test
    void aTaskNotHeldUnderTheGivenLeaseIsReportedAndTheOthersAreCompleted() {
        List<Map<String, Object>> tasks = held(2, "late");
        List<Map<String, Object>> items = List.of(tasks.get(0),
                Map.of("id", tasks.get(1).get("id"), "leaseId", UUID.randomUUID().toString()));
        completeAll(items).statusCode(200)
                .body("tasks.completed", contains(true, false))
                .body("tasks[1].problem.status", is(409))
                .body("tasks[1].problem.type", is("urn:flotilla:problem:conflict"));
        api.getTask(UUID.fromString((String) tasks.get(1).get("id"))).body("status", is("RUNNING"));
    }

    @Test
    void anotherTenantsTaskIsReportedAsNotFound() {
        List<Map<String, Object>> theirs = new BatchCompletionTest().held(1, "foreign");
        completeAll(theirs).statusCode(200)
                .body("tasks[0].completed", is(false))
                .body("tasks[0].problem.status", is(404));
    }

    @Test
    void repeatingACompletionAnswersTheCompletedTasksAgain() {
        List<Map<String, Object>> tasks = held(2, "again");
        completeAll(tasks).statusCode(200).body("tasks.completed", contains(true, true));
        completeAll(tasks).statusCode(200)
                .body("tasks.completed", contains(true, true))
                .body("tasks.task.status", contains("SUCCEEDED", "SUCCEEDED"));
    }

    @Test
    void aWorkflowTaskCompletedInABatchReleasesItsDependents() {
        UUID agent = api.agent("flow-completer");
        String workflow = twoStepWorkflow("two-steps");
        ExtractableResponse<Response> claim = api.claim(agent, Map.of("max", 5)).statusCode(200).extract();
        completeAll(List.of(Map.of("id", claim.path("tasks[0].id"), "leaseId", claim.path("tasks[0].leaseId"))))
                .statusCode(200).body("tasks[0].completed", is(true));
        api.call().get("/api/v1/workflows/" + workflow).then()
                .body("tasks.find { it.key == 'two' }.status", is("SCHEDULED"));
    }

    @Test
    void aTaskNamedTwiceIsABadRequest() {
        List<Map<String, Object>> tasks = held(1, "twice");
        completeAll(List.of(tasks.get(0), tasks.get(0))).spec(Problems.validationFailed())
                .body("errors[0].field", is("tasks[1].id"));
        api.getTask(UUID.fromString((String) tasks.get(0).get("id"))).body("status", is("RUNNING"));
    }

    @Test
    void aClaimCompletesTheHeldTasksFirstAndHandsOutTheNextOnes() {
        UUID agent = api.agent("claim-next", "next");
        List<Map<String, Object>> done = held(agent, 2, "next");
        UUID next = api.task(Map.of("type", "work", "requiredCapabilities", List.of("next")));
        api.claim(agent, Map.of("max", 5, "complete", done)).statusCode(200)
                .body("completions.id", contains(done.get(0).get("id"), done.get(1).get("id")))
                .body("completions.completed", contains(true, true))
                .body("tasks.id", contains(next.toString()));
        api.getTask(UUID.fromString((String) done.get(1).get("id")))
                .body("status", is("SUCCEEDED"))
                .body("result.n", is(1))
                .body("events.reason", contains("created", "claimed", "completed"));
    }

    @Test
    void aCompletionRefusedInAClaimIsReportedAndTheClaimGoesOn() {
        UUID agent = api.agent("claim-next-refused", "next-refused");
        List<Map<String, Object>> done = held(agent, 1, "next-refused");
        UUID next = api.task(Map.of("type", "work", "requiredCapabilities", List.of("next-refused")));
        List<Map<String, Object>> items = List.of(Map.of("id", done.get(0).get("id"), "leaseId", UUID.randomUUID().toString()));
        api.claim(agent, Map.of("max", 5, "complete", items)).statusCode(200)
                .body("completions[0].completed", is(false))
                .body("completions[0].problem.status", is(409))
                .body("tasks.id", contains(next.toString()));
        api.getTask(UUID.fromString((String) done.get(0).get("id"))).body("status", is("RUNNING"));
    }

    @Test
    void aWorkflowTaskCompletedByAClaimReleasesItsDependentToThatClaim() {
        UUID agent = api.agent("claim-next-flow");
        String workflow = twoStepWorkflow("claimed-steps");
        ExtractableResponse<Response> first = api.claim(agent, Map.of("max", 5)).statusCode(200).extract();
        List<Map<String, Object>> done = List
                .of(Map.of("id", first.path("tasks[0].id"), "leaseId", first.path("tasks[0].leaseId")));
        long started = System.nanoTime();
        api.claim(agent, Map.of("max", 5, "waitSeconds", 10, "complete", done)).statusCode(200)
                .body("completions[0].completed", is(true))
                .body("tasks.size()", is(1));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "the release woke the claim's wait");
        api.call().get("/api/v1/workflows/" + workflow).then()
                .body("status", is("RUNNING"))
                .body("tasks.find { it.key == 'one' }.status", is("SUCCEEDED"))
                .body("tasks.find { it.key == 'two' }.status", is("RUNNING"));
    }

    @Test
    void aTaskNamedTwiceInAClaimsCompletionsIsABadRequestAndNothingIsClaimed() {
        UUID agent = api.agent("claim-next-twice", "next-twice");
        List<Map<String, Object>> done = held(agent, 1, "next-twice");
        UUID next = api.task(Map.of("type", "work", "requiredCapabilities", List.of("next-twice")));
        api.claim(agent, Map.of("max", 5, "complete", List.of(done.get(0), done.get(0)))).spec(Problems.validationFailed())
                .body("errors[0].field", is("complete[1].id"));
        api.getTask(UUID.fromString((String) done.get(0).get("id"))).body("status", is("RUNNING"));
        api.getTask(next).body("status", is("SCHEDULED"));
    }

    @Test
    void aClaimWithoutCompletionsAnswersNoCompletions() {
        UUID agent = api.agent("claim-only", "claim-only");
        api.task(Map.of("type", "work", "requiredCapabilities", List.of("claim-only")));
        api.claim(agent, Map.of("max", 1)).statusCode(200)
                .body("tasks.size()", is(1))
                .body("$", not(hasKey("completions")));
    }

    /** A workflow of two tasks, "two" depending on "one"; its id. */
    private String twoStepWorkflow(String name) {
        return Responses.created(api.call()
                .body(Map.of("name", name, "tasks", List.of(Map.of("key", "one", "type", "one"),
                        Map.of("key", "two", "type", "two", "dependsOn", List.of("one")))))
                .post("/api/v1/workflows").then());
    }
}
