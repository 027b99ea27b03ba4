package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class WorkflowResultsTest {

    private static final Map<String, Object> FETCHED = Map.of("items", List.of(Map.of("id", 1), Map.of("id", 2)),
            "source", "crawl", "pages", 3);

    private final Api api = new Api();

    private static Map<String, Object> step(String key, Object payload, String... dependsOn) {
        return Map.of("key", key, "type", "step-" + key, "payload", payload, "dependsOn", List.of(dependsOn));
    }

    private String create(Map<String, Object>... steps) {
        return Responses.created(api.call().body(Map.of("name", "results", "tasks", List.of(steps))).post("/api/v1/workflows")
                .then());
    }

    private String taskOf(String workflow, String key) {
        return api.call().get("/api/v1/workflows/" + workflow).then().extract()
                .path("tasks.find { it.key == '" + key + "' }.taskId");
    }

    /** Claims the one claimable task and completes it with {@code result}. */
    private void complete(UUID agent, Object result) {
        var claim = api.claim(agent, Map.of("max", 1)).extract();
        api.complete(UUID.fromString(claim.path("tasks[0].id")), claim.path("tasks[0].leaseId"), result).statusCode(200);
    }

    @Test
    void aClaimedWorkflowTaskCarriesItsDependenciesExactResults() {
        UUID agent = api.agent("downstream");
        String workflow = create(step("fetch", Map.of()), step("count", Map.of()), step("report", Map.of(), "fetch", "count"));
        var first = api.claim(agent, Map.of("max", 2)).body("tasks.inputs", contains(Map.of(), Map.of())).extract();
        for (int i = 0; i < 2; i++) {
            String type = first.path("tasks[" + i + "].type");
            api.complete(UUID.fromString(first.path("tasks[" + i + "].id")), first.path("tasks[" + i + "].leaseId"),
                    type.equals("step-fetch") ? FETCHED : 42).statusCode(200);
        }
        api.claim(agent, Map.of("max", 1))
                .body("tasks[0].id", is(taskOf(workflow, "report")))
                .body("tasks[0].inputs", is(Map.of("fetch", FETCHED, "count", 42)))
                .body("tasks[0].payload", is(Map.of()));
    }

    @Test
    void aReferenceWithAPathResolvesToThatPartOfTheResult() {
        UUID agent = api.agent("pointer");
        String workflow = create(step("fetch", Map.of()),
                step("index", Map.of("documents", Map.of("$from", "fetch", "path", "/items"),
                        "first", List.of(Map.of("$from", "fetch", "path", "/items/1/id")),
                        "everything", Map.of("$from", "fetch"), "mode", "full"), "fetch"));
        complete(agent, FETCHED);
        api.claim(agent, Map.of("max", 1))
                .body("tasks[0].id", is(taskOf(workflow, "index")))
                .body("tasks[0].inputs.fetch", is(FETCHED))
                .body("tasks[0].payload.documents", is(FETCHED.get("items")))
                .body("tasks[0].payload.first", contains(2))
                .body("tasks[0].payload.everything", is(FETCHED))
                .body("tasks[0].payload.mode", is("full"));
    }

    @Test
    void aReferenceToAMissingPathFailsTheTaskWithTheReason() {
        UUID agent = api.agent("missing");
        String workflow = create(step("fetch", Map.of()),
                step("index", Map.of("documents", Map.of("$from", "fetch", "path", "/chapters")), "fetch"),
                step("publish", Map.of(), "index"));
        complete(agent, FETCHED);
        api.getTask(UUID.fromString(taskOf(workflow, "index")))
                .body("status", is("FAILED"))
                .body("error", containsString("/chapters"))
                .body("events[-1].reason", containsString("the result of 'fetch' has nothing at /chapters"));
        api.call().get("/api/v1/workflows/" + workflow).then()
                .body("status", is("FAILED"))
                .body("tasks.find { it.key == 'publish' }.status", is("CANCELLED"));
        api.claim(agent, Map.of("max", 1)).body("tasks", empty());
    }

    @Test
    void aReferenceToATaskThatIsNotADirectDependencyIsUnprocessable() {
        api.call().body(Map.of("name", "dangling", "tasks", List.of(step("fetch", Map.of()), step("parse", Map.of(), "fetch"),
                step("index", Map.of("items", List.of(Map.of("$from", "fetch"))), "parse"))))
                .post("/api/v1/workflows").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", is("tasks[2].payload.items[0].$from"))
                .body("errors[0].message", containsString("'fetch' is not a direct dependency"));
    }

    @Test
    void aStandaloneClaimedTaskHasNoInputs() {
        UUID agent = api.agent("alone");
        api.task("lonely");
        api.claim(agent, Map.of("max", 1)).body("tasks[0].type", is("lonely")).body("tasks[0].inputs", nullValue());
    }
}
