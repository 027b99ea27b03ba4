package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** {@code POST /api/v1/tasks/batch}: many tasks in one request, all or none. */
@QuarkusTest
class TaskBatchTest {

    private final Api api = new Api();

    private static Map<String, Object> item(Map<String, Object> task) {
        return Map.of("task", task);
    }

    private static Map<String, Object> item(String key, Map<String, Object> task) {
        return Map.of("idempotencyKey", key, "task", task);
    }

    private io.restassured.response.ValidatableResponse batch(List<Map<String, Object>> items) {
        return api.call().body(Map.of("tasks", items)).post("/api/v1/tasks/batch").then();
    }

    private void noTasksOfType(String type) {
        api.call().queryParam("type", type).get("/api/v1/tasks").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aBatchCreatesEveryTaskAndAnswersThemInTheOrderGiven() {
        batch(List.of(item(Map.of("type", "first", "priority", 1)), item(Map.of("type", "second", "payload", Map.of("n", 2))),
                item(Map.of("type", "third", "delay", "PT1H"))))
                .statusCode(201)
                .body("tasks.task.type", contains("first", "second", "third"))
                .body("tasks.task.status", contains("SCHEDULED", "SCHEDULED", "PENDING"))
                .body("tasks.replayed", contains(false, false, false))
                .body("tasks[1].task.payload.n", is(2));
    }

    @Test
    void theTasksOfABatchAreClaimableWithTheirHistory() {
        UUID agent = api.agent("batch-worker", "gpu");
        String id = batch(List.of(item(Map.of("type", "batched", "requiredCapabilities", List.of("gpu")))))
                .statusCode(201).extract().path("tasks[0].task.id");
        api.claim(agent, Map.of("max", 5)).statusCode(200).body("tasks.id", contains(id));
        api.getTask(UUID.fromString(id)).body("events.reason", contains("created", "claimed"));
    }

    @Test
    void anInvalidTaskIsNamedByItsIndexAndNothingIsCreated() {
        batch(List.of(item(Map.of("type", "invalid-batch")), item(Map.of("type", "invalid-batch", "priority", 10))))
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("tasks[1].task.priority"));
        noTasksOfType("invalid-batch");
    }

    @Test
    void aTaskGivingRunAtAndDelayIsNamedByItsIndexAndNothingIsCreated() {
        batch(List.of(item(Map.of("type", "timing-batch")),
                item(Map.of("type", "timing-batch", "delay", "PT1S", "runAt", "2030-01-01T00:00:00Z"))))
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("tasks[1].task.delay"));
        noTasksOfType("timing-batch");
    }

    @Test
    void anEmptyBatchIsABadRequest() {
        batch(List.of()).spec(Problems.validationFailed()).body("errors[0].field", is("tasks"));
    }

    @Test
    void aBatchOfMoreThanAHundredTasksIsABadRequest() {
        batch(Collections.nCopies(101, item(Map.of("type", "too-many")))).spec(Problems.validationFailed())
                .body("errors[0].field", is("tasks"));
        noTasksOfType("too-many");
    }

    @Test
    void aKeyUsedEarlierForTheSameTaskAnswersThatTask() {
        Map<String, Object> task = Map.of("type", "keyed", "payload", Map.of("n", 1));
        String first = Responses.created(api.call().header("Idempotency-Key", "b-1").body(task).post("/api/v1/tasks").then());
        batch(List.of(item("b-1", task), item("b-2", task)))
                .statusCode(201)
                .body("tasks.replayed", contains(true, false))
                .body("tasks[0].task.id", is(first))
                .body("tasks[1].task.id", not(first));
        batch(List.of(item("b-2", task))).statusCode(201).body("tasks.replayed", contains(true));
        api.call().queryParam("type", "keyed").get("/api/v1/tasks").then().body("items", hasSize(2));
    }

    @Test
    void aKeyUsedEarlierForAnotherTaskIsAConflictAndNothingIsCreated() {
        api.call().header("Idempotency-Key", "b-3").body(Map.of("type", "original")).post("/api/v1/tasks").then()
                .statusCode(201);
        batch(List.of(item(Map.of("type", "bystander")), item("b-3", Map.of("type", "impostor"))))
                .spec(Problems.conflict())
                .body("detail", containsString("tasks[1].idempotencyKey"));
        noTasksOfType("bystander");
    }

    @Test
    void aKeyRepeatedWithinABatchIsABadRequest() {
        batch(List.of(item("twice", Map.of("type", "twin")), item("twice", Map.of("type", "twin"))))
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("tasks[1].idempotencyKey"));
        noTasksOfType("twin");
    }

    @Test
    void anIdempotencyKeyHeaderForTheWholeBatchIsABadRequest() {
        api.call().header("Idempotency-Key", "whole").body(Map.of("tasks", List.of(item(Map.of("type", "headed")))))
                .post("/api/v1/tasks/batch").then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("Idempotency-Key"));
        noTasksOfType("headed");
    }

    @Test
    void aBatchTaskJoinsAnOpenWorkflow() {
        String workflow = Responses.created(api.call()
                .body(Map.of("name", "grows", "tasks", List.of(Map.of("key", "base", "type", "base"))))
                .post("/api/v1/workflows").then());
        Map<String, Object> joining = new HashMap<>(Map.of("type", "joiner", "workflowId", workflow));
        batch(List.of(item(Map.of("type", "loner")), item(joining)))
                .statusCode(201)
                .body("tasks[1].task.workflowId", is(workflow));
    }

    @Test
    void aBatchTaskNamingAnotherTenantsWorkflowIsRefusedAndNothingIsCreated() {
        Api other = new Api();
        String workflow = Responses.created(other.call()
                .body(Map.of("name", "theirs", "tasks", List.of(Map.of("key", "a", "type", "a"))))
                .post("/api/v1/workflows").then());
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(Map.of("type", "trespasser")));
        items.add(item(Map.of("type", "trespasser", "workflowId", workflow)));
        batch(items).spec(Problems.unprocessable()).body("errors[0].field", is("tasks[1].task.workflowId"));
        noTasksOfType("trespasser");
    }
}
