package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class WorkflowTest {

    private final Api api = new Api();

    private String statusOf(String workflow, String key) {
        return api.call().get("/api/v1/workflows/" + workflow).then().extract()
                .path("tasks.find { it.key == '" + key + "' }.status");
    }

    @Test
    void aCycleIsRejected() {
        api.call().body(Map.of("name", "loop", "tasks", List.of(Api.step("a", "c"), Api.step("b", "a"), Api.step("c", "b"))))
                .post("/api/v1/workflows").then()
                .spec(Problems.unprocessable())
                .body("detail", containsString("cycle"));
    }

    @Test
    void aTaskDependingOnItselfIsACycle() {
        api.call().body(Map.of("name", "self", "tasks", List.of(Api.step("a", "a")))).post("/api/v1/workflows").then()
                .spec(Problems.unprocessable());
    }

    @Test
    void anUnknownDependencyIsRejected() {
        api.call().body(Map.of("name", "dangling", "tasks", List.of(Api.step("a", "ghost")))).post("/api/v1/workflows").then()
                .spec(Problems.unprocessable()).body("errors[0].field", is("tasks[0].dependsOn"));
    }

    @Test
    void duplicateKeysAreRejected() {
        api.call().body(Map.of("name", "twins", "tasks", List.of(Api.step("a"), Api.step("a")))).post("/api/v1/workflows")
                .then()
                .spec(Problems.unprocessable()).body("errors[0].field", is("tasks[1].key"));
    }

    @Test
    void aTaskBecomesClaimableOnlyWhenAllItsDependenciesSucceed() {
        UUID agent = api.agent("pipeline-worker");
        String workflow = api.workflow(Api.step("fetch"), Api.step("parse", "fetch"), Api.step("index", "parse", "fetch"));
        api.call().get("/api/v1/workflows/" + workflow).then().body("status", is("PENDING"))
                .body("tasks.find { it.key == 'index' }.dependsOn", contains("fetch", "parse"))
                .body("tasks.find { it.key == 'index' }.status", is("PENDING"));
        for (String key : List.of("fetch", "parse", "index")) {
            var claim = api.claim(agent, Map.of("max", 5)).statusCode(200)
                    .body("tasks.id", contains(api.taskOf(workflow, key))).extract();
            api.complete(UUID.fromString(claim.path("tasks[0].id")), claim.path("tasks[0].leaseId"), key).statusCode(200);
        }
        api.call().get("/api/v1/workflows/" + workflow).then().body("status", is("SUCCEEDED"));
    }

    @Test
    void aWorkflowRunsToSuccessStepByStep() {
        UUID agent = api.agent("stepper");
        String workflow = api.workflow(Api.step("one"), Api.step("two", "one"));
        var first = api.claim(agent, Map.of("max", 5)).body("tasks.id", contains(api.taskOf(workflow, "one"))).extract();
        api.call().get("/api/v1/workflows/" + workflow).then().body("status", is("RUNNING"));
        api.complete(UUID.fromString(first.path("tasks[0].id")), first.path("tasks[0].leaseId"), 1).statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals("SCHEDULED", statusOf(workflow, "two"));
        var second = api.claim(agent, Map.of("max", 5)).body("tasks.id", contains(api.taskOf(workflow, "two"))).extract();
        api.complete(UUID.fromString(second.path("tasks[0].id")), second.path("tasks[0].leaseId"), 2).statusCode(200);
        api.call().get("/api/v1/workflows/" + workflow).then().body("status", is("SUCCEEDED"));
    }

    @Test
    void aFailureCancelsItsDependentsAndFailsTheWorkflow() {
        UUID agent = api.agent("unlucky");
        String workflow = api.workflow(Api.step("root"), Api.step("child", "root"), Api.step("grandchild", "child"),
                Api.step("sibling"));
        var claim = api.claim(agent, Map.of("max", 1)).extract();
        String root = api.taskOf(workflow, "root");
        org.junit.jupiter.api.Assertions.assertEquals(root, claim.path("tasks[0].id"));
        api.fail(UUID.fromString(root), claim.path("tasks[0].leaseId"), "broken", false).statusCode(200);
        api.call().get("/api/v1/workflows/" + workflow).then()
                .body("tasks.find { it.key == 'child' }.status", is("CANCELLED"))
                .body("tasks.find { it.key == 'grandchild' }.status", is("CANCELLED"))
                .body("tasks.find { it.key == 'sibling' }.status", is("SCHEDULED"))
                .body("status", is("RUNNING"));
        var sibling = api.claim(agent, Map.of("max", 1)).extract();
        api.complete(UUID.fromString(sibling.path("tasks[0].id")), sibling.path("tasks[0].leaseId"), 1).statusCode(200);
        api.call().get("/api/v1/workflows/" + workflow).then().body("status", is("FAILED"));
    }

    @Test
    void cancellingAWorkflowCancelsItsTasks() {
        UUID agent = api.agent("interrupted");
        String workflow = api.workflow(Api.step("first"), Api.step("second", "first"));
        var claim = api.claim(agent, Map.of("max", 1)).extract();
        api.call().post("/api/v1/workflows/" + workflow + "/cancel").then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("tasks.find { it.key == 'second' }.status", is("CANCELLED"))
                .body("tasks.find { it.key == 'first' }.status", is("RUNNING"));
        api.call().body(Map.of("leaseId", claim.path("tasks[0].leaseId")))
                .post("/api/v1/tasks/" + claim.path("tasks[0].id") + "/heartbeat")
                .then().body("cancelRequested", is(true));
        api.call().post("/api/v1/workflows/" + workflow + "/cancel").then().spec(Problems.conflict());
    }

    @Test
    void aStandaloneTaskMayJoinAnOpenWorkflow() {
        String workflow = api.workflow(Api.step("base"));
        api.call().body(Map.of("type", "extra", "workflowId", workflow)).post("/api/v1/tasks").then()
                .statusCode(201).body("workflowId", is(workflow));
        api.call().body(Map.of("type", "extra", "workflowId", UUID.randomUUID())).post("/api/v1/tasks").then()
                .spec(Problems.unprocessable());
    }

    @Test
    void anotherTenantsWorkflowIsNotFound() {
        String workflow = api.workflow(Api.step("mine"));
        Api other = new Api();
        other.call().get("/api/v1/workflows/" + workflow).then().spec(Problems.notFound());
        other.call().post("/api/v1/workflows/" + workflow + "/cancel").then().spec(Problems.notFound());
        other.call().body(Map.of("type", "x", "workflowId", workflow)).post("/api/v1/tasks").then()
                .spec(Problems.unprocessable());
    }
}
