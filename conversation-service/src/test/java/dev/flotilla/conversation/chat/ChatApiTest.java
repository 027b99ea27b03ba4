package dev.flotilla.conversation.chat;

import dev.flotilla.conversation.ConversationApi;
import dev.flotilla.conversation.model.LocalModelServer;
import dev.flotilla.conversation.model.LocalModelServer.Reply;
import dev.flotilla.conversation.model.LocalModelServerResource;
import dev.flotilla.conversation.retrieval.SearchServer;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.conversation.ConversationApi.messages;
import static dev.flotilla.conversation.ConversationApi.path;
import static dev.flotilla.conversation.model.LocalModelServerResource.FLAKY;
import static dev.flotilla.conversation.model.LocalModelServerResource.LOCAL;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(LocalModelServerResource.class)
@QuarkusTestResource(PolicyServer.class)
@QuarkusTestResource(SearchServer.class)
class ChatApiTest {

    private final ConversationApi api = new ConversationApi();

    LocalModelServer server;

    @TestHTTPResource
    URL base;

    @AfterEach
    void forget() {
        List.of(LOCAL, FLAKY).forEach(server::reset);
        PolicyServer.down(false);
    }

    private String conversation(String user, String provider) {
        return api.create(user, Map.of("title", "A chat", "aiProvider", provider));
    }

    private static String chat(String conversation) {
        return path(conversation) + "/chat";
    }

    /** The events of a stream, in order: each its name and its data as JSON. */
    private static List<Map.Entry<String, JsonPath>> events(String body) {
        List<Map.Entry<String, JsonPath>> events = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            if (frame.isBlank()) {
                continue;
            }
            String name = null;
            String data = null;
            for (String line : frame.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            events.add(Map.entry(name, JsonPath.from(data)));
        }
        return events;
    }

    @Test
    void aTurnStoresTheUsersMessageAndAnswersTheModelsAsStored() {
        String conversation = conversation("ada", "local");
        String reply = api.member("ada").body(Map.of("content", "hello there")).post(chat(conversation)).then()
                .statusCode(201)
                .header("Location", containsString(messages(conversation) + "/"))
                .body("role", is("assistant"))
                .body("content", is(LocalModelServer.ECHO + "hello there"))
                .body("model", is("echo-1"))
                .body("metadata.finishReason", is("stop"))
                .body("metadata.usage.completionTokens", is(4))
                .extract().path("id");
        api.member("ada").get(messages(conversation)).then().statusCode(200)
                .body("items.role", equalTo(List.of("user", "assistant")))
                .body("items[1].id", is(reply))
                .body("items[1].metadata.replyTo", is(api.member("ada").get(messages(conversation))
                        .then().extract().<String> path("items[0].id")));
        api.member("ada").get(path(conversation)).then().body("messageCount", is(2));
    }

    @Test
    void theModelIsGivenTheConversationSoFar() {
        String conversation = conversation("ada", "local");
        api.append("ada", conversation, "user", "my name is Ada");
        api.append("ada", conversation, "assistant", "Hello Ada");
        api.member("ada").body(Map.of("content", "what is my name?")).post(chat(conversation)).then().statusCode(201);
        JsonPath sent = JsonPath.from(server.last(LOCAL).body().encode());
        assertEquals(List.of("my name is Ada", "Hello Ada", "what is my name?"), sent.getList("messages.content"));
    }

    @Test
    void aStreamedTurnSendsTheDeltasThenTheStoredMessage() {
        String conversation = conversation("ada", "local");
        String body = api.member("ada").body(Map.of("content", "stream this please", "stream", true))
                .post(chat(conversation)).then().statusCode(200)
                .contentType(startsWith("text/event-stream")).extract().asString();
        List<Map.Entry<String, JsonPath>> events = events(body);
        assertEquals("start", events.get(0).getKey());
        assertEquals("message", events.get(events.size() - 1).getKey());
        StringBuilder deltas = new StringBuilder();
        events.stream().filter(event -> event.getKey().equals("delta"))
                .forEach(event -> deltas.append(event.getValue().getString("content")));
        JsonPath stored = events.get(events.size() - 1).getValue();
        assertEquals(LocalModelServer.ECHO + "stream this please", deltas.toString());
        assertEquals(deltas.toString(), stored.getString("content"));
        assertTrue(stored.getInt("metadata.usage.completionTokens") > 0, "the usage of the stream is stored");
    }

    @Test
    void aStreamTheClientCutsStopsTheModelAndKeepsWhatItWroteAsIncomplete() throws Exception {
        String conversation = conversation("ada", "local");
        server.enqueue(LOCAL, Reply.endless());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + chat(conversation)))
                .header("Authorization", "Bearer " + TestTokens.user("ada", api.tenant, "member"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\": \"go on forever\", \"stream\": true}")).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream stream = response.body()) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            int deltas = 0;
            while (deltas < 3) {
                if (lines.readLine().equals("event: delta")) {
                    deltas++;
                }
            }
        }
        server.last(LOCAL).closedEarly().get(10, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api.member("ada").get(messages(conversation)).then()
                .body("items.role", equalTo(List.of("user", "assistant")))
                .body("items[1].metadata.incomplete", is(true))
                .body("items[1].metadata.incompleteReason", is("cancelled"))
                .body("items[1].content", startsWith("more 0")));
    }

    @Test
    void aProviderAnswering429IsAskedAgainAndTheTurnSucceeds() {
        String conversation = conversation("ada", "flaky");
        server.enqueue(FLAKY, Reply.status(429, "slow down").retryAfter("1"));
        api.member("ada").body(Map.of("content", "try again")).post(chat(conversation)).then().statusCode(201)
                .body("content", is(LocalModelServer.ECHO + "try again"));
        assertEquals(2, server.received(FLAKY).size());
    }

    @Test
    void withoutAModelProviderTheTurnIs503AndTheUsersMessageIsKept() {
        String conversation = api.create("ada");
        api.member("ada").body(Map.of("content", "anyone there?")).post(chat(conversation)).then()
                .spec(Problems.serviceUnavailable());
        api.member("ada").get(messages(conversation)).then()
                .body("items.role", equalTo(List.of("user")))
                .body("items[0].content", is("anyone there?"));
    }

    @Test
    void aProviderFailingMidStreamEndsTheStreamWithAnErrorAndKeepsWhatItWrote() {
        String conversation = conversation("ada", "flaky");
        server.enqueue(FLAKY, Reply.content("one two three four five six").dropAfter(2));
        String body = api.member("ada").body(Map.of("content", "start", "stream", true)).post(chat(conversation))
                .then().statusCode(200).extract().asString();
        List<Map.Entry<String, JsonPath>> events = events(body);
        Map.Entry<String, JsonPath> last = events.get(events.size() - 1);
        assertEquals("error", last.getKey());
        String stored = last.getValue().getString("messageId");
        api.member("ada").get(messages(conversation) + "/" + stored).then().statusCode(200)
                .body("metadata.incomplete", is(true))
                .body("metadata.incompleteReason", is("failed"));
    }

    @Test
    void aTurnThePolicyDeniesIs403NamingThePolicyAndStoresNothing() {
        String conversation = conversation("ada", "local");
        PolicyServer.deny(conversation);
        api.member("ada").body(Map.of("content", "hello")).post(chat(conversation)).then()
                .spec(Problems.forbidden())
                .body("detail", containsString("denied by policy 'chat-rules'"));
        api.member("ada").get(messages(conversation)).then().body("items", equalTo(List.of()));
    }

    @Test
    void policyServiceUnreachableFailsTheTurnClosedWith503() {
        String conversation = conversation("ada", "local");
        PolicyServer.down(true);
        api.member("ada").body(Map.of("content", "hello")).post(chat(conversation)).then()
                .spec(Problems.serviceUnavailable());
        api.member("ada").get(messages(conversation)).then().body("items", equalTo(List.of()));
    }

    @Test
    void theQuestionToPolicyNamesTheCallerTheConversationAndItsOwner() {
        String conversation = conversation("ada", "local");
        api.member("ada").body(Map.of("content", "hello")).post(chat(conversation)).then().statusCode(201);
        JsonPath question = JsonPath.from(PolicyServer.questionsAbout(conversation).get(0).encode());
        assertEquals("chat", question.getString("action"));
        assertEquals("conversation", question.getString("resource.type"));
        assertEquals("ada", question.getString("subject.id"));
        assertEquals("ada", question.getString("resource.attributes.ownerId"));
    }

    @Test
    void passagesOfTheUsersKnowledgeAreGivenToTheModelAndCitedInTheAnswer() {
        String collection = UUID.randomUUID().toString();
        SearchServer.passage(collection, "tides", "Tides", 7.5, 2, 300, "The Moon pulls the oceans.");
        String conversation = conversation("ada", "local");
        api.member("ada").body(Map.of("content", "why are there tides?",
                "knowledge", Map.of("collections", List.of(collection), "k", 3)))
                .post(chat(conversation)).then().statusCode(201)
                .body("metadata.citations[0].index", is(1))
                .body("metadata.citations[0].collection", is(collection))
                .body("metadata.citations[0].documentId", is("tides"))
                .body("metadata.citations[0].start", is(300))
                .body("metadata.citations[0].end", is(326));
        JsonPath sent = JsonPath.from(server.last(LOCAL).body().encode());
        assertTrue(sent.getString("messages[0].content").contains("[1] Tides\nThe Moon pulls the oceans."));
        assertEquals("system", sent.getString("messages[0].role"));
    }

    @Test
    void whenSearchIsUnreachableTheTurnIsAnsweredWithoutPassagesAndSaysSo() {
        String collection = UUID.randomUUID().toString();
        SearchServer.breakCollection(collection);
        String conversation = conversation("ada", "local");
        api.member("ada").body(Map.of("content", "why?", "knowledge", Map.of("collections", List.of(collection))))
                .post(chat(conversation)).then().statusCode(201)
                .body("metadata.retrieval.skipped", is("search-service could not be reached"));
    }

    @Test
    void anotherUsersConversationIsNotFound() {
        String conversation = conversation("ada", "local");
        api.member("bob").body(Map.of("content", "hello")).post(chat(conversation)).then().spec(Problems.notFound());
    }

    @Test
    void anotherTenantsConversationIsNotFound() {
        String conversation = conversation("ada", "local");
        new ConversationApi().member("ada").body(Map.of("content", "hello")).post(chat(conversation)).then()
                .spec(Problems.notFound());
    }

    @Test
    void aTurnWithoutContentIsRefusedAndChangesNothing() {
        String conversation = conversation("ada", "local");
        api.member("ada").body(Map.of("content", " ")).post(chat(conversation)).then().spec(Problems.validationFailed());
        api.member("ada").body(Map.of("content", "hi", "knowledge", Map.of("collections", List.of("c"), "k", 50)))
                .post(chat(conversation)).then().spec(Problems.validationFailed());
        api.member("ada").get(messages(conversation)).then().body("items", equalTo(List.of()));
    }
}
