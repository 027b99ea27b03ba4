package dev.flotilla.conversation.context;

import dev.flotilla.conversation.ConversationApi;
import dev.flotilla.conversation.agent.AgentRegistryServer;
import dev.flotilla.testing.Problems;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.conversation.ConversationApi.messages;
import static dev.flotilla.conversation.ConversationApi.path;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(AgentRegistryServer.class)
class ContextApiTest {

    private final ConversationApi api = new ConversationApi();

    private static String context(String conversation) {
        return path(conversation) + "/context";
    }

    /** The stored token counts of a conversation's messages, in order. */
    private List<Integer> tokenCounts(String conversation) {
        return api.member("ada").get(messages(conversation)).then().extract().path("items.tokenCount");
    }

    @Test
    void theContextHoldsTheAgentsPromptWithTheUsersCustomizationAndTheMessages() {
        UUID agent = UUID.randomUUID();
        AgentRegistryServer.agent(agent, "helper", "You are a helpful assistant.", "gpt-4o-mini", List.of());
        api.member("ada").body(Map.of("name", "brief", "instructions", "Answer in one sentence."))
                .post("/api/v1/agents/" + agent + "/prompt-customizations").then().statusCode(201);
        String conversation = api.create("ada", Map.of("title", "A chat", "agentId", agent.toString()));
        api.append("ada", conversation, "user", "hello", "are you there?");
        api.member("ada").get(context(conversation)).then().statusCode(200)
                .body("agentId", is(agent.toString()))
                .body("model", is("gpt-4o-mini"))
                .body("systemPrompt", is("You are a helpful assistant.\n\nAnswer in one sentence."))
                .body("messages.content", equalTo(List.of("hello", "are you there?")))
                .body("truncated", is(false));
    }

    @Test
    void theMessageTokensAreTheStoredCountsAndTheTotalAddsTheSystemPrompt() {
        String conversation = api.create("ada");
        api.append("ada", conversation, "user", "one", "two three", "four five six");
        int stored = tokenCounts(conversation).stream().mapToInt(Integer::intValue).sum();
        api.member("ada").get(context(conversation)).then()
                .body("systemPrompt", nullValue())
                .body("tokens.system", is(0))
                .body("tokens.messages", is(stored))
                .body("tokens.total", is(stored));
    }

    @Test
    void aTokenBudgetKeepsTheMostRecentMessagesThatFit() {
        String conversation = api.create("ada");
        api.append("ada", conversation, "user", "first message here", "second", "third");
        List<Integer> counts = tokenCounts(conversation);
        int lastTwo = counts.get(1) + counts.get(2);
        api.member("ada").queryParam("maxTokens", lastTwo).get(context(conversation)).then()
                .body("messages.content", equalTo(List.of("second", "third")))
                .body("tokens.messages", is(lastTwo))
                .body("maxTokens", is(lastTwo))
                .body("truncated", is(true));
    }

    @Test
    void aMessageBudgetKeepsTheMostRecentMessages() {
        String conversation = api.create("ada");
        api.append("ada", conversation, "user", "a", "b", "c", "d");
        api.member("ada").queryParam("maxMessages", 2).get(context(conversation)).then()
                .body("messages.content", equalTo(List.of("c", "d")))
                .body("truncated", is(true));
    }

    @Test
    void aToolCallIsNeverSeparatedFromItsResult() {
        String conversation = api.create("ada");
        api.append("ada", conversation, "user", "what is the weather?");
        api.member("ada").body(Map.of("messages", List.of(
                Map.of("role", "assistant", "toolCalls", List.of(Map.of("id", "call-1", "type", "function",
                        "function", Map.of("name", "weather", "arguments", "{\"city\":\"Paris\"}")))),
                Map.of("role", "tool", "toolCallId", "call-1", "content", "sunny"),
                Map.of("role", "assistant", "content", "It is sunny."))))
                .post(messages(conversation)).then().statusCode(201);
        api.member("ada").queryParam("maxMessages", 2).get(context(conversation)).then()
                .body("messages.content", equalTo(List.of("It is sunny.")));
        api.member("ada").queryParam("maxMessages", 3).get(context(conversation)).then()
                .body("messages.role", equalTo(List.of("assistant", "tool", "assistant")));
    }

    @Test
    void anotherUsersConversationIsNotFound() {
        String conversation = api.create("ada");
        api.member("bob").get(context(conversation)).then().spec(Problems.notFound());
        new ConversationApi().member("ada").get(context(conversation)).then().spec(Problems.notFound());
    }

    @Test
    void aBudgetOutOfBoundsIsABadRequestNamingIt() {
        String conversation = api.create("ada");
        api.member("ada").queryParam("maxTokens", 0).get(context(conversation)).then().spec(Problems.validationFailed())
                .body("errors[0].field", is("maxTokens"));
        api.member("ada").queryParam("maxMessages", 501).get(context(conversation)).then().spec(Problems.validationFailed())
                .body("errors[0].field", is("maxMessages"));
    }
}
