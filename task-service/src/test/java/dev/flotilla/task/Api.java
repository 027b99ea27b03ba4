package dev.flotilla.task;

import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's member calling the API: the tests' shorthand for common requests. */
final class Api {

    final UUID tenant;

    Api() {
        this(UUID.randomUUID());
    }

    /** The API as a member of this tenant. */
    Api(UUID tenant) {
        this.tenant = tenant;
    }

    RequestSpecification call() {
        return Requests.as("tester", tenant, "member");
    }

    UUID agent(String name, String... capabilities) {
        return UUID.fromString(Responses.created(call().body(Map.of("name", name, "type", "SPECIALIST", "capabilities",
                List.of(capabilities))).post("/api/v1/agents").then()));
    }

    UUID task(Map<String, Object> body) {
        return UUID.fromString(Responses.created(call().body(body).post("/api/v1/tasks").then()));
    }

    UUID task(String type) {
        return task(Map.of("type", type));
    }

    ValidatableResponse claim(UUID agent, Map<String, Object> body) {
        return call().body(body).post("/api/v1/agents/" + agent + "/claims").then();
    }

    ValidatableResponse getTask(UUID task) {
        return call().get("/api/v1/tasks/" + task).then();
    }

    ValidatableResponse complete(UUID task, String lease, Object result) {
        return call().body(Map.of("leaseId", lease, "result", result)).post("/api/v1/tasks/" + task + "/complete").then();
    }

    ValidatableResponse fail(UUID task, String lease, String error, boolean retryable) {
        return call().body(Map.of("leaseId", lease, "error", error, "retryable", retryable))
                .post("/api/v1/tasks/" + task + "/fail").then();
    }

    /** A workflow step of type {@code step-<key>} after {@code dependsOn}. */
    static Map<String, Object> step(String key, String... dependsOn) {
        return Map.of("key", key, "type", "step-" + key, "dependsOn", List.of(dependsOn));
    }

    /** Creates a workflow of these steps; answers its id. */
    @SafeVarargs
    final String workflow(Map<String, Object>... steps) {
        return Responses.created(call().body(Map.of("name", "pipeline", "tasks", List.of(steps))).post("/api/v1/workflows")
                .then());
    }

    /** The id of the workflow's task of this key. */
    String taskOf(String workflow, String key) {
        return call().get("/api/v1/workflows/" + workflow).then().extract()
                .path("tasks.find { it.key == '" + key + "' }.taskId");
    }
}
