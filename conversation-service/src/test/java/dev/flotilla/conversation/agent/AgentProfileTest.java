package dev.flotilla.conversation.agent;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent's profile for a user: the agent from task-service's registry (a local server speaking its API) with the
 * user's customizations, cached until they change or the user's session ends.
 */
@QuarkusTest
@QuarkusTestResource(AgentRegistryServer.class)
class AgentProfileTest {

    private final UUID tenant = Ids.next();
    private final UUID agent = Ids.next();

    private RequestSpecification as(String user) {
        return Requests.as(user, tenant, "member");
    }

    private String profile() {
        return "/api/v1/agents/" + agent + "/profile";
    }

    private String customize(String user, String name, String instructions, boolean enabled) {
        return Responses.created(as(user).body(Map.of("name", name, "instructions", instructions, "enabled", enabled))
                .post("/api/v1/agents/" + agent + "/prompt-customizations").then());
    }

    @Test
    void theProfileIsTheAgentsSystemPromptFollowedByTheUsersEnabledCustomizations() {
        AgentRegistryServer.agent(agent, "helper", "You are a helpful assistant.", "gpt-4o-mini", List.of("search"));
        String first = customize("ann", "tone", "Be brief.", true);
        customize("ann", "off", "Ignored.", false);
        String second = customize("ann", "language", "Answer in French.", true);

        as("ann").get(profile()).then().statusCode(200)
                .body("name", is("helper"))
                .body("systemPrompt", is("You are a helpful assistant.\n\nBe brief.\n\nAnswer in French."))
                .body("model", is("gpt-4o-mini"))
                .body("tools", is(List.of("search")))
                .body("customizations", is(List.of(first, second)));
    }

    @Test
    void theRegistryIsAskedWithTheCallersToken() {
        AgentRegistryServer.agent(agent, "helper", "Hi.", "m", List.of());
        RequestSpecification ann = as("ann");

        ann.get(profile()).then().statusCode(200);

        String authorization = AgentRegistryServer.requestsFor(agent).get(0).authorization();
        assertTrue(authorization.startsWith("Bearer ey"), authorization);
    }

    @Test
    void aSecondReadIsCachedAndAChangedCustomizationIsReadAgain() {
        AgentRegistryServer.agent(agent, "helper", "Hi.", "m", List.of());
        as("ann").get(profile()).then().statusCode(200);
        as("ann").get(profile()).then().statusCode(200);
        assertEquals(1, AgentRegistryServer.requestsFor(agent).size(), "the second read is the cache's");

        customize("ann", "tone", "Be brief.", true);

        as("ann").get(profile()).then().statusCode(200).body("systemPrompt", is("Hi.\n\nBe brief."));
        assertEquals(2, AgentRegistryServer.requestsFor(agent).size());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cache_gets_total{cache=\"agent-profiles\",result=\"hit\"}"));
    }

    @Test
    void eachUserHasTheirOwnProfile() {
        AgentRegistryServer.agent(agent, "helper", "Hi.", "m", List.of());
        customize("ann", "tone", "Be brief.", true);

        as("bob").get(profile()).then().statusCode(200).body("systemPrompt", is("Hi."));
        as("ann").get(profile()).then().statusCode(200).body("systemPrompt", is("Hi.\n\nBe brief."));
    }

    @Test
    void anEndedSessionEvictsTheUsersProfiles() {
        AgentRegistryServer.agent(agent, "helper", "Hi.", "m", List.of());
        as("ann").get(profile()).then().statusCode(200);
        String session = Responses.created(as("ann").body(Map.of("agentId", agent.toString())).post("/api/v1/sessions")
                .then());

        as("ann").post("/api/v1/sessions/" + session + "/end").then().statusCode(200);
        as("ann").get(profile()).then().statusCode(200);

        assertEquals(2, AgentRegistryServer.requestsFor(agent).size());
    }

    @Test
    void anAgentTheRegistryDoesNotKnowIsNotFound() {
        as("ann").get(profile()).then().spec(Problems.notFound());
    }

    @Test
    void aRegistryThatCannotAnswerIsServiceUnavailable() {
        AgentRegistryServer.broken(agent);

        as("ann").get(profile()).then().spec(Problems.serviceUnavailable());
    }
}
