package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code Prefer: return=minimal} (RFC 7240) on the batch writes: {@code POST /api/v1/tasks/batch}
 * and {@code POST /api/v1/tasks/completions} answer only what the client needs to go on.
 */
@QuarkusTest
class PreferReturnMinimalTest {

    private static final String MINIMAL = "return=minimal";

    private final Api api = new Api();

    private ValidatableResponse batch(String prefer, List<Map<String, Object>> items) {
        return api.call().header("Prefer", prefer).body(Map.of("tasks", items)).post("/api/v1/tasks/batch").then();
    }

    private ValidatableResponse completeAll(String prefer, List<Map<String, Object>> items) {
        return api.call().header("Prefer", prefer).body(Map.of("tasks", items)).post("/api/v1/tasks/completions").then();
    }

    /** The tasks a fresh agent claimed (after creating them): id and lease of each. */
    private List<Map<String, Object>> held(int count, String capability) {
        UUID agent = api.agent("minimal-" + capability, capability);
        for (int i = 0; i < count; i++) {
            api.task(Map.of("type", "minimal-work", "requiredCapabilities", List.of(capability)));
        }
        ExtractableResponse<Response> claim = api.claim(agent, Map.of("max", count)).statusCode(200).extract();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(Map.of("id", claim.path("tasks[" + i + "].id"), "leaseId", claim.path("tasks[" + i + "].leaseId")));
        }
        return tasks;
    }

    @Test
    void aBatchCreateWithPreferReturnMinimalAnswersOnlyIds() {
        ExtractableResponse<Response> answer = batch(MINIMAL,
                List.of(Map.of("task", Map.of("type", "minimal-first")),
                        Map.of("task", Map.of("type", "minimal-second", "delay", "PT1H"))))
                .statusCode(201)
                .header("Preference-Applied", MINIMAL)
                .body("tasks.status", contains("SCHEDULED", "PENDING"))
                .body("tasks.replayed", contains(false, false))
                .body("tasks[0]", not(hasKey("task")))
                .body("tasks[0]", not(hasKey("type")))
                .extract();
        api.getTask(UUID.fromString(answer.path("tasks[1].id"))).statusCode(200).body("type", is("minimal-second"));
    }

    @Test
    void aMinimalBatchCreateMarksATaskItsKeyReplayed() {
        Map<String, Object> task = Map.of("type", "minimal-keyed");
        String first = batch(MINIMAL, List.of(Map.of("idempotencyKey", "minimal-k", "task", task))).statusCode(201)
                .extract().path("tasks[0].id");
        batch(MINIMAL, List.of(Map.of("idempotencyKey", "minimal-k", "task", task))).statusCode(201)
                .body("tasks.id", contains(first))
                .body("tasks.replayed", contains(true));
    }

    @Test
    void aBatchCreateWithoutPreferAnswersEveryTaskInFull() {
        api.call().body(Map.of("tasks", List.of(Map.of("task", Map.of("type", "minimal-full"))))).post("/api/v1/tasks/batch")
                .then()
                .statusCode(201)
                .header("Preference-Applied", nullValue())
                .body("tasks.task.type", contains("minimal-full"));
    }

    @Test
    void aBatchCreateWithPreferReturnRepresentationAnswersEveryTaskInFull() {
        batch("return=representation", List.of(Map.of("task", Map.of("type", "minimal-represented"))))
                .statusCode(201)
                .header("Preference-Applied", nullValue())
                .body("tasks.task.type", contains("minimal-represented"));
    }

    @Test
    void returnMinimalIsHonouredAmongOtherPreferences() {
        batch("respond-async, wait=10, return=minimal; foo=bar", List.of(Map.of("task", Map.of("type", "minimal-among"))))
                .statusCode(201)
                .header("Preference-Applied", MINIMAL)
                .body("tasks[0]", not(hasKey("task")));
    }

    @Test
    void aRefusedMinimalBatchAnswersItsProblemAsBefore() {
        batch(MINIMAL, List.of(Map.of("task", Map.of("type", "minimal-invalid", "priority", 10))))
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("tasks[0].task.priority"));
    }

    @Test
    void aBatchCompletionWithPreferReturnMinimalAnswersOnlyOutcomes() {
        List<Map<String, Object>> tasks = held(2, "minimal-done");
        completeAll(MINIMAL, tasks)
                .statusCode(200)
                .header("Preference-Applied", MINIMAL)
                .body("tasks.id", contains(tasks.get(0).get("id"), tasks.get(1).get("id")))
                .body("tasks.completed", contains(true, true))
                .body("tasks[0]", not(hasKey("task")));
        api.getTask(UUID.fromString((String) tasks.get(1).get("id"))).body("status", is("SUCCEEDED"));
    }

    @Test
    void aMinimalBatchCompletionStillAnswersTheProblemOfARefusedTask() {
        List<Map<String, Object>> tasks = held(1, "minimal-refused");
        String unknown = UUID.randomUUID().toString();
        completeAll(MINIMAL, List.of(tasks.get(0), Map.of("id", unknown, "leaseId", UUID.randomUUID().toString())))
                .statusCode(200)
                .body("tasks.completed", contains(true, false))
                .body("tasks[1].problem.status", is(404));
    }

    @Test
    void aBatchCompletionWithoutPreferAnswersTheCompletedTasks() {
        List<Map<String, Object>> tasks = held(1, "minimal-full-done");
        api.call().body(Map.of("tasks", tasks)).post("/api/v1/tasks/completions").then()
                .statusCode(200)
                .header("Preference-Applied", nullValue())
                .body("tasks.task.status", contains("SUCCEEDED"));
    }
}
