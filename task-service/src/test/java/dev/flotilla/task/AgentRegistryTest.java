package dev.flotilla.task;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AgentRegistryTest {

    private final Api api = new Api();

    @Test
    void registeringAnAgentAnswersCreatedWithItsLocationAndAnOfflineStatus() {
        api.call().body(Map.of("name", "researcher", "type", "SPECIALIST", "capabilities", List.of("web", "summarize"),
                "tools", List.of("browser"), "modelPreference", "large", "config", Map.of("temperature", 0.2),
                "memory", Map.of("facts", Map.of("home", "Oslo"))))
                .post("/api/v1/agents").then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/agents/"))
                .body("name", is("researcher"))
                .body("capabilities", contains("web", "summarize"))
                .body("config.temperature", is(0.2f))
                .body("memory.facts.home", is("Oslo"))
                .body("lifecycle", is("ACTIVE"))
                .body("status", is("OFFLINE"));
    }

    @Test
    void anAgentWithAnUnknownTypeIsABadRequest() {
        api.call().body(Map.of("name", "x", "type", "BOSS")).post("/api/v1/agents").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("type"));
    }

    @Test
    void aSecondAgentWithTheSameNameIsAConflict() {
        api.agent("twin");
        api.call().body(Map.of("name", "twin", "type", "SUBAGENT")).post("/api/v1/agents").then().spec(Problems.conflict());
    }

    @Test
    void aHeartbeatMakesTheAgentOnline() {
        UUID agent = api.agent("pulse");
        api.call().post("/api/v1/agents/" + agent + "/heartbeat").then()
                .statusCode(200).body("status", is("ONLINE")).body("cancelRequested", empty());
        api.call().get("/api/v1/agents/" + agent).then().body("status", is("ONLINE")).body("lastHeartbeatAt", notNullValue());
    }

    @Test
    void theListFiltersByTypeStatusAndCapability() {
        UUID coder = api.agent("coder", "code");
        api.agent("writer", "prose");
        api.call().post("/api/v1/agents/" + coder + "/heartbeat").then().statusCode(200);
        api.call().queryParam("capability", "code").get("/api/v1/agents").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].name", is("coder"));
        api.call().queryParam("status", "ONLINE").get("/api/v1/agents").then().body("items.name", contains("coder"));
        api.call().queryParam("status", "OFFLINE").queryParam("type", "SPECIALIST").get("/api/v1/agents").then()
                .body("items.name", contains("writer"));
    }

    @Test
    void theListPagesWithACursor() {
        api.agent("a1");
        api.agent("a2");
        api.agent("a3");
        String next = api.call().queryParam("limit", 2).get("/api/v1/agents").then()
                .body("items", hasSize(2)).extract().path("nextCursor");
        api.call().queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/agents").then()
                .body("items.name", contains("a3")).body("nextCursor", nullValue());
    }

    @Test
    void patchReplacesTheGivenMembersOnly() {
        UUID agent = api.agent("patchy", "one");
        api.call().body(Map.of("capabilities", List.of("two"), "modelPreference", "small"))
                .patch("/api/v1/agents/" + agent).then()
                .statusCode(200).body("capabilities", contains("two")).body("modelPreference", is("small"))
                .body("name", is("patchy"));
    }

    @Test
    void deleteRemovesTheAgent() {
        UUID agent = api.agent("gone");
        api.call().delete("/api/v1/agents/" + agent).then().statusCode(204);
        api.call().get("/api/v1/agents/" + agent).then().spec(Problems.notFound());
    }

    @Test
    void aDrainingAgentClaimsNoNewTasks() {
        UUID agent = api.agent("drainer");
        api.call().post("/api/v1/agents/" + agent + "/drain").then().statusCode(200).body("lifecycle", is("DRAINING"));
        api.claim(agent, Map.of("max", 1)).spec(Problems.conflict());
        api.call().post("/api/v1/agents/" + agent + "/activate").then().statusCode(200).body("lifecycle", is("ACTIVE"));
        api.claim(agent, Map.of("max", 1)).statusCode(200);
    }

    @Test
    void aDrainingAgentFinishesItsTaskThenBecomesInactive() {
        UUID agent = api.agent("finisher", "drain");
        UUID task = api.task(Map.of("type", "last-job", "requiredCapabilities", List.of("drain")));
        String lease = api.claim(agent, Map.of("max", 1)).statusCode(200).extract().path("tasks[0].leaseId");
        api.call().post("/api/v1/agents/" + agent + "/drain").then().statusCode(200).body("lifecycle", is("DRAINING"));
        api.task(Map.of("type", "next-job", "requiredCapabilities", List.of("drain")));
        api.claim(agent, Map.of("max", 1)).spec(Problems.conflict());
        await("the agent holding a task stays DRAINING for longer than a sweep")
                .during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> "DRAINING".equals(lifecycleOf(agent)));
        api.call().get("/api/v1/agents/" + agent).then().body("lifecycle", is("DRAINING"));
        api.call().body(Map.of("leaseId", lease, "progress", 0.5)).post("/api/v1/tasks/" + task + "/heartbeat").then()
                .statusCode(200);
        api.complete(task, lease, Map.of("done", true)).statusCode(200);
        await("the drained agent becomes INACTIVE").atMost(Duration.ofSeconds(10))
                .until(() -> "INACTIVE".equals(lifecycleOf(agent)));
        api.claim(agent, Map.of("max", 1)).spec(Problems.conflict());
    }

    private String lifecycleOf(UUID agent) {
        return api.call().get("/api/v1/agents/" + agent).then().statusCode(200).extract().path("lifecycle");
    }

    @Test
    void anInactiveAgentCannotBeDrained() {
        UUID agent = api.agent("sleeper");
        api.call().post("/api/v1/agents/" + agent + "/deactivate").then().statusCode(200).body("lifecycle", is("INACTIVE"));
        api.call().post("/api/v1/agents/" + agent + "/drain").then().spec(Problems.conflict());
    }

    @Test
    void memoryMergesAsAJsonMergePatch() {
        UUID agent = UUID.fromString(Responses.created(api.call().body(Map.of("name", "memo", "type", "COORDINATOR",
                "memory", Map.of("facts", Map.of("a", 1, "b", 2), "decisions", Map.of("x", "keep"))))
                .post("/api/v1/agents").then()));
        api.call().contentType("application/merge-patch+json")
                .body("{\"facts\": {\"b\": null, \"c\": 3}, \"context\": {\"topic\": \"ships\"}}")
                .patch("/api/v1/agents/" + agent + "/memory").then()
                .statusCode(200)
                .body("memory.facts.a", is(1))
                .body("memory.facts.b", nullValue())
                .body("memory.facts.c", is(3))
                .body("memory.decisions.x", is("keep"))
                .body("memory.context.topic", is("ships"));
    }

    @Test
    void memoryRejectsUnknownMembers() {
        UUID agent = api.agent("strict-memory");
        api.call().body(Map.of("feelings", Map.of())).patch("/api/v1/agents/" + agent + "/memory").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("memory.feelings"));
    }

    @Test
    void anotherTenantsAgentIsNotFound() {
        UUID agent = api.agent("private");
        Api other = new Api();
        other.call().get("/api/v1/agents/" + agent).then().spec(Problems.notFound());
        other.call().body(Map.of("name", "x")).patch("/api/v1/agents/" + agent).then().spec(Problems.notFound());
        other.call().post("/api/v1/agents/" + agent + "/heartbeat").then().spec(Problems.notFound());
        other.call().get("/api/v1/agents/" + agent + "/metrics").then().spec(Problems.notFound());
        other.claim(agent, Map.of("max", 1)).spec(Problems.notFound());
        other.call().delete("/api/v1/agents/" + agent).then().spec(Problems.notFound());
    }

    @Test
    void aMalformedAgentIdIsABadRequest() {
        api.call().get("/api/v1/agents/not-a-uuid").then().spec(Problems.validationFailed());
    }
}
