package dev.flotilla.conversation.memory;

import dev.flotilla.conversation.ConversationApi;
import dev.flotilla.conversation.chat.PolicyServer;
import dev.flotilla.conversation.model.LocalModelServer;
import dev.flotilla.conversation.model.LocalModelServer.Reply;
import dev.flotilla.conversation.model.LocalModelServerResource;
import dev.flotilla.conversation.retrieval.SearchServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.flotilla.conversation.ConversationApi.messages;
import static dev.flotilla.conversation.ConversationApi.path;
import static dev.flotilla.conversation.model.LocalModelServerResource.FLAKY;
import static dev.flotilla.conversation.model.LocalModelServerResource.LOCAL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Summarising memory: a history longer than the context (its default budget) has its older messages summarised by the
 * conversation's model, and the context gives the summary in their place. Messages are given large token counts so
 * that a few of them outgrow the budget.
 */
@QuarkusTest
@QuarkusTestResource(LocalModelServerResource.class)
@QuarkusTestResource(PolicyServer.class)
@QuarkusTestResource(SearchServer.class)
class MemoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SUMMARY = "Ada is planning a trip to Oslo in May.";

    private final ConversationApi api = new ConversationApi();

    LocalModelServer server;

    @Inject
    SummaryJob summaryJob;
    @Inject
    SummaryJobs jobs;

    /** Summaries other tests asked for are written now, so a run here works only this test's. */
    @BeforeEach
    void noRequestWaits() {
        List.of(LOCAL, FLAKY).forEach(server::reset);
        while (summaryJob.runOnce().await().atMost(TIMEOUT) > 0) {
            // until none is due
        }
        List.of(LOCAL, FLAKY).forEach(server::reset);
    }

    private static String context(String conversation) {
        return path(conversation) + "/context";
    }

    private static String chat(String conversation) {
        return path(conversation) + "/chat";
    }

    private static Map<String, Object> message(String role, String content, int tokenCount) {
        return Map.of("role", role, "content", content, "tokenCount", tokenCount);
    }

    /** Appends the messages; answers their ids. */
    private List<String> append(String conversation, List<Map<String, Object>> batch) {
        return api.member("ada").body(Map.of("messages", batch)).post(messages(conversation)).then().statusCode(201)
                .extract().path("items.id");
    }

    /** Messages that, with a turn's message, outgrow the context, the oldest by one message; answers their ids. */
    private List<String> longHistory(String conversation) {
        return append(conversation, List.of(message("user", "I want to travel in May.", 5000),
                message("assistant", "Where to?", 5000), message("user", "To Oslo.", 5000),
                message("assistant", "Oslo is lovely in May.", 5000)));
    }

    private void turn(String conversation, String content) {
        api.member("ada").body(Map.of("content", content)).post(chat(conversation)).then().statusCode(201);
    }

    /** A conversation of the local provider whose older messages were summarised; answers the history's ids. */
    private List<String> summarised(String conversation) {
        List<String> history = longHistory(conversation);
        turn(conversation, "and now?");
        server.enqueue(LOCAL, Reply.content(SUMMARY));
        summaryJob.runOnce().await().atMost(TIMEOUT);
        return history;
    }

    private String conversation(String provider) {
        return api.create("ada", Map.of("title", "A trip", "aiProvider", provider));
    }

    @Test
    void aTurnWhoseHistoryOutgrowsTheContextRequestsASummary() {
        String conversation = conversation("local");
        longHistory(conversation);
        turn(conversation, "and now?");
        api.member("ada").get(context(conversation)).then().body("truncated", is(true)).body("summary", nullValue());
        assertEquals(1, jobs.of(api.tenant, conversation).size());
    }

    @Test
    void aTurnWithinTheContextRequestsNoSummary() {
        String conversation = conversation("local");
        turn(conversation, "hello");
        assertTrue(jobs.of(api.tenant, conversation).isEmpty());
    }

    @Test
    void theJobAsksTheModelWithTheOlderMessagesAndStoresTheSummaryWithTheLastCoveredMessage() {
        String conversation = conversation("local");
        List<String> history = summarised(conversation);

        JsonPath asked = JsonPath.from(server.last(LOCAL).body().encode());
        assertEquals("system", asked.getString("messages[0].role"));
        String transcript = asked.getString("messages[1].content");
        assertTrue(transcript.contains("I want to travel in May.") && transcript.contains("Where to?"), transcript);
        assertFalse(transcript.contains("To Oslo."), "the messages the context keeps are not summarised");
        api.member("ada").get(context(conversation)).then()
                .body("summary.content", is(SUMMARY))
                .body("summary.coversMessageId", is(history.get(1)));
        assertTrue(jobs.of(api.tenant, conversation).isEmpty(), "the request is done");
    }

    @Test
    void theContextHoldsTheSummaryAndOnlyTheNewerMessages() {
        String conversation = conversation("local");
        summarised(conversation);
        api.member("ada").get(context(conversation)).then().statusCode(200)
                .body("summary.tokens", greaterThan(0))
                .body("tokens.summary", greaterThan(0))
                .body("messages.content", equalTo(List.of("To Oslo.", "Oslo is lovely in May.", "and now?",
                        LocalModelServer.ECHO + "and now?")))
                .body("truncated", is(false));
    }

    @Test
    void theNextTurnGivesTheModelTheSummaryAfterTheSystemPrompt() {
        String conversation = conversation("local");
        summarised(conversation);
        turn(conversation, "what was my plan?");
        JsonPath sent = JsonPath.from(server.last(LOCAL).body().encode());
        assertEquals("system", sent.getString("messages[0].role"));
        assertEquals(Summary.HEADING + SUMMARY, sent.getString("messages[0].content"));
        assertFalse(sent.getList("messages.content").contains("I want to travel in May."));
    }

    @Test
    void aProviderFailureLeavesTheRequestForARetryWithTheAttemptCounted() {
        String conversation = conversation("flaky");
        longHistory(conversation);
        turn(conversation, "and now?");
        // The first call and both of the client's own retries fail.
        server.enqueue(FLAKY, Reply.status(500, "overloaded"), Reply.status(500, "overloaded"),
                Reply.status(500, "overloaded"));
        Instant before = Instant.now();

        summaryJob.runOnce().await().atMost(TIMEOUT);

        List<JsonObject> waiting = jobs.of(api.tenant, conversation);
        assertEquals(1, waiting.size());
        JsonObject job = waiting.get(0);
        assertEquals(1, job.getInteger("attempts"));
        assertTrue(job.getString("lastError").contains("500"), job.getString("lastError"));
        assertNull(job.getValue("leaseUntil"), "the lease is freed");
        assertTrue(job.getInstant("dueAt").isAfter(before), "the retry waits");
        api.member("ada").get(context(conversation)).then().body("summary", nullValue());
    }

    @Test
    void aConversationHasOneRequestHoweverOftenItIsAsked() {
        String conversation = conversation("local");
        longHistory(conversation);
        turn(conversation, "and now?");
        long first = jobs.of(api.tenant, conversation).get(0).getLong("summariseBefore");
        turn(conversation, "and then?");
        List<JsonObject> waiting = jobs.of(api.tenant, conversation);
        assertEquals(1, waiting.size());
        assertEquals(first, waiting.get(0).getLong("summariseBefore"));
    }

    @Test
    void aToolCallAndItsResultAreNeverSplitBetweenSummaryAndWindow() {
        // The turn's window holds the call with its result, but there is no room for both beside a summary.
        String conversation = conversation("local");
        Map<String, Object> call = Map.of("role", "assistant", "tokenCount", 1,
                "toolCalls", List.of(Map.of("id", "call-1", "type", "function",
                        "function", Map.of("name", "weather", "arguments", "{\"city\":\"Oslo\"}"))));
        List<String> ids = append(conversation, List.of(message("user", "What is the weather in Oslo?", 5000), call,
                Map.of("role", "tool", "toolCallId", "call-1", "content", "12 degrees and sunny", "tokenCount", 9000),
                message("assistant", "It is sunny.", 6000)));
        turn(conversation, "thanks");
        server.enqueue(LOCAL, Reply.content("Ada asked about the weather in Oslo: sunny."));

        summaryJob.runOnce().await().atMost(TIMEOUT);

        String transcript = JsonPath.from(server.last(LOCAL).body().encode()).getString("messages[1].content");
        assertTrue(transcript.contains("weather") && transcript.contains("12 degrees and sunny"), transcript);
        List<String> roles = api.member("ada").get(context(conversation)).then()
                .body("summary.coversMessageId", is(ids.get(2)))
                .body("messages.id", not(hasItem(ids.get(1))))
                .body("truncated", is(false))
                .extract().path("messages.role");
        assertFalse(roles.contains("tool"), "no result without its call");
    }
}
