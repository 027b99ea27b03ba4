package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.is;

/**
 * A {@code null} element in any list of a request body is a 400 validation problem naming the
 * element (e.g. {@code tasks[0]}), never a 500, and creates nothing.
 */
@QuarkusTest
class NullListElementsTest {

    private final Api api = new Api();

    private ValidatableResponse post(String path, String json) {
        return api.call().body(json).post(path).then();
    }

    /** A 400 validation problem naming {@code field}. */
    private static void refused(ValidatableResponse response, String field) {
        response.spec(Problems.validationFailed()).body("errors[0].field", is(field));
    }

    @Test
    void aNullTaskOfAWorkflowIsRefusedByItsIndex() {
        refused(post("/api/v1/workflows", "{\"name\": \"holes\", \"tasks\": [null]}"), "tasks[0]");
        refused(post("/api/v1/workflows", "{\"name\": \"holes\", \"tasks\": [{\"key\": \"a\", \"type\": \"t\"}, null]}"),
                "tasks[1]");
        api.call().get("/api/v1/workflows").then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void aNullDependencyOrCapabilityOfAWorkflowTaskIsRefused() {
        refused(post("/api/v1/workflows",
                "{\"name\": \"holes\", \"tasks\": [{\"key\": \"a\", \"type\": \"t\", \"dependsOn\": [null]}]}"),
                "tasks[0].dependsOn[0]");
        refused(post("/api/v1/workflows",
                "{\"name\": \"holes\", \"tasks\": [{\"key\": \"a\", \"type\": \"t\", \"requiredCapabilities\": [null]}]}"),
                "tasks[0].requiredCapabilities[0]");
    }

    @Test
    void aNullCapabilityOfATaskIsRefused() {
        refused(post("/api/v1/tasks", "{\"type\": \"t\", \"requiredCapabilities\": [null]}"), "requiredCapabilities[0]");
    }

    @Test
    void aNullTaskOfABatchIsRefusedByItsIndex() {
        refused(post("/api/v1/tasks/batch", "{\"tasks\": [null]}"), "tasks[0]");
        refused(post("/api/v1/tasks/batch", "{\"tasks\": [{\"task\": null}]}"), "tasks[0].task");
        refused(post("/api/v1/tasks/batch", "{\"tasks\": [{\"task\": {\"type\": \"t\", \"requiredCapabilities\": [null]}}]}"),
                "tasks[0].task.requiredCapabilities[0]");
    }

    @Test
    void aNullCompletionIsRefusedByItsIndex() {
        refused(post("/api/v1/tasks/completions", "{\"tasks\": [null]}"), "tasks[0]");
    }

    @Test
    void aNullCompletionOfAClaimIsRefusedByItsIndex() {
        UUID agent = api.agent("claimer");
        refused(post("/api/v1/agents/" + agent + "/claims", "{\"complete\": [null]}"), "complete[0]");
    }

    @Test
    void aNullCapabilityOrToolOfAnAgentIsRefused() {
        refused(post("/api/v1/agents", "{\"name\": \"holes\", \"type\": \"SPECIALIST\", \"capabilities\": [null]}"),
                "capabilities[0]");
        refused(post("/api/v1/agents", "{\"name\": \"holes\", \"type\": \"SPECIALIST\", \"tools\": [null]}"), "tools[0]");
        UUID agent = api.agent("patched");
        refused(api.call().contentType("application/merge-patch+json").body("{\"capabilities\": [null]}")
                .patch("/api/v1/agents/" + agent).then(), "capabilities[0]");
    }

    @Test
    void aNullCapabilityOfAScheduledTaskIsRefused() {
        refused(post("/api/v1/schedules", "{\"name\": \"holes\", \"cron\": \"* * * * *\", \"task\": {\"type\": \"t\","
                + " \"requiredCapabilities\": [null]}}"), "task.requiredCapabilities[0]");
        api.call().get("/api/v1/schedules").then().statusCode(200).body("items.size()", is(0));
    }
}
