package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class WorkflowRetryTest {

    private final Api api = new Api();

    /** Claims the one claimable task, which must be the workflow's {@code key}, and completes it. */
    private void runStep(UUID agent, String workflow, String key) {
        var claim = api.claim(agent, Map.of("max", 1)).body("tasks.id", contains(api.taskOf(workflow, key))).extract();
        api.complete(UUID.fromString(claim.path("tasks[0].id")), claim.path("tasks[0].leaseId"), key).statusCode(200);
    }

    /** Claims the one claimable task, which must be the workflow's {@code key}, and fails it for good. */
    private void failStep(UUID agent, String workflow, String key) {
        var claim = api.claim(agent, Map.of("max", 1)).body("tasks.id", contains(api.taskOf(workflow, key))).extract();
        api.fail(UUID.fromString(claim.path("tasks[0].id")), claim.path("tasks[0].leaseId"), "broken", false)
                .statusCode(200);
    }

    @Test
    void aRetriedWorkflowCompletesWithoutRunningItsSucceededStepsAgain() {
        UUID agent = api.agent("retry-worker");
        String workflow = api.workflow(Api.step("a"), Api.step("b", "a"), Api.step("c", "b"));
        runStep(agent, workflow, "a");
        failStep(agent, workflow, "b");
        api.call().get("/api/v1/workflows/" + workflow).then().body("status", is("FAILED"))
                .body("tasks.find { it.key == 'c' }.status", is("CANCELLED"));

        api.call().post("/api/v1/workflows/" + workflow + "/retry").then().statusCode(200)
                .body("status", is("RUNNING"))
                .body("tasks.find { it.key == 'a' }.status", is("SUCCEEDED"))
                .body("tasks.find { it.key == 'b' }.status", is("SCHEDULED"))
                .body("tasks.find { it.key == 'c' }.status", is("PENDING"));
        runStep(agent, workflow, "b");
        runStep(agent, workflow, "c");

        api.call().get("/api/v1/workflows/" + workflow).then().body("status", is("SUCCEEDED"));
        api.getTask(UUID.fromString(api.taskOf(workflow, "a"))).body("events.findAll { it.reason == 'claimed' }", hasSize(1))
                .body("result", is("a"));
    }

    @Test
    void aRetryIsAnEventOfTheWorkflowsHistory() {
        UUID agent = api.agent("historian");
        String workflow = api.workflow(Api.step("only"));
        failStep(agent, workflow, "only");
        api.call().post("/api/v1/workflows/" + workflow + "/retry").then().statusCode(200)
                .body("events.reason", hasItem("retried by tester: only"))
                .body("events.find { it.reason != null }.from", is("FAILED"))
                .body("events.find { it.reason != null }.to", is("FAILED"))
                .body("events[-1].from", is("FAILED"))
                .body("events[-1].to", is("PENDING"));
    }

    @Test
    void aWorkflowWithoutFailuresHasNothingToRetry() {
        UUID agent = api.agent("flawless");
        String workflow = api.workflow(Api.step("one"), Api.step("two", "one"));
        api.call().post("/api/v1/workflows/" + workflow + "/retry").then().spec(Problems.conflict());
        runStep(agent, workflow, "one");
        runStep(agent, workflow, "two");
        api.call().post("/api/v1/workflows/" + workflow + "/retry").then().spec(Problems.conflict())
                .body("detail", containsString("SUCCEEDED"));
    }

    @Test
    void aCancelledWorkflowIsNotRetried() {
        String workflow = api.workflow(Api.step("first"), Api.step("second", "first"));
        api.call().post("/api/v1/workflows/" + workflow + "/cancel").then().statusCode(200);
        api.call().post("/api/v1/workflows/" + workflow + "/retry").then().spec(Problems.conflict());
    }

    @Test
    void retryingAFailedWorkflowTaskResetsTheDependentsItCancelled() {
        UUID agent = api.agent("one-by-one");
        String workflow = api.workflow(Api.step("root"), Api.step("child", "root"), Api.step("grandchild", "child"));
        failStep(agent, workflow, "root");
        api.call().post("/api/v1/tasks/" + api.taskOf(workflow, "root") + "/retry").then().statusCode(200)
                .body("status", is("SCHEDULED")).body("attempt", is(0));
        api.call().get("/api/v1/workflows/" + workflow).then()
                .body("status", is("PENDING"))
                .body("tasks.find { it.key == 'child' }.status", is("PENDING"))
                .body("tasks.find { it.key == 'grandchild' }.status", is("PENDING"));
        runStep(agent, workflow, "root");
        runStep(agent, workflow, "child");
        runStep(agent, workflow, "grandchild");
        api.call().get("/api/v1/workflows/" + workflow).then().body("status", is("SUCCEEDED"));
    }

    @Test
    void aWorkflowTaskThatDidNotFailIsNotRetried() {
        String workflow = api.workflow(Api.step("waiting"));
        api.call().post("/api/v1/tasks/" + api.taskOf(workflow, "waiting") + "/retry").then().spec(Problems.conflict());
    }

    @Test
    void anotherTenantsWorkflowIsNotRetried() {
        UUID agent = api.agent("private");
        String workflow = api.workflow(Api.step("mine"));
        failStep(agent, workflow, "mine");
        new Api().call().post("/api/v1/workflows/" + workflow + "/retry").then().spec(Problems.notFound());
        new Api().call().post("/api/v1/tasks/" + api.taskOf(workflow, "mine") + "/retry").then().spec(Problems.notFound());
    }
}
