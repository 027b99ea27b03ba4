package dev.flotilla.conversation.message;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.flotilla.common.id.Ids;
import dev.flotilla.conversation.AuditOutbox;
import dev.flotilla.conversation.ConversationApi;
import dev.flotilla.conversation.NotificationOutboxRows;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.flotilla.conversation.ConversationApi.messages;
import static dev.flotilla.conversation.ConversationApi.path;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Messages of a conversation: appended one or many at a time, counted, paged both ways, deleted, and whose. */
@QuarkusTest
class MessageApiTest {

    private static final EncodingRegistry ENCODINGS = Encodings.newDefaultEncodingRegistry();

    @Inject
    AuditOutbox audit;

    @Inject
    NotificationOutboxRows notifications;

    private final ConversationApi api = new ConversationApi();

    private static int chatTokens(Encoding encoding, String role, String content) {
        return 3 + encoding.countTokens(role) + encoding.countTokens(content);
    }

    private List<String> page(String conversation, String order, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.member("ann").queryParam("order", order).queryParam("limit", limit)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(messages(conversation)).then().statusCode(200).extract();
            seen.addAll(page.path("items.content"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return seen;
    }

    @Test
    void oneMessageIsAppendedAndReadBack() {
        String conversation = api.create("ann");

        String id = api.member("ann").body(Map.of("role", "user", "content", "Hello", "metadata", Map.of("lang", "en")))
                .post(messages(conversation)).then().statusCode(201)
                .body("seq", is(1))
                .body("role", is("user"))
                .extract().path("id");

        api.member("ann").get(messages(conversation) + "/" + id).then().statusCode(200)
                .body("content", is("Hello"))
                .body("conversationId", is(conversation))
                .body("metadata.lang", is("en"));
    }

    @Test
    void theAnswerToOneMessageIsLocatedAtIt() {
        String conversation = api.create("ann");

        String id = Responses.created(api.member("ann").body(Map.of("role", "user", "content", "Hi"))
                .post(messages(conversation)).then());

        api.member("ann").get(messages(conversation) + "/" + id).then().statusCode(200).body("content", is("Hi"));
    }

    @Test
    void manyMessagesAreAppendedInTheirOrder() {
        String conversation = api.create("ann");
        api.append("ann", conversation, "user", "one");

        api.member("ann").body(Map.of("messages", List.of(Map.of("role", "system", "content", "two"),
                Map.of("role", "assistant", "content", "three")))).post(messages(conversation)).then().statusCode(201)
                .body("items.seq", contains(2, 3))
                .body("items.content", contains("two", "three"));
    }

    @Test
    void theCountsFollowEveryAppendAndDelete() {
        String conversation = api.create("ann");
        List<String> ids = api.member("ann").body(Map.of("messages", List.of(
                Map.of("role", "user", "content", "a", "tokenCount", 10),
                Map.of("role", "assistant", "content", "b", "tokenCount", 20),
                Map.of("role", "user", "content", "c", "tokenCount", 30)))).post(messages(conversation)).then()
                .statusCode(201).extract().path("items.id");
        api.member("ann").get(path(conversation)).then().body("messageCount", is(3)).body("tokenCount", is(60));

        api.member("ann").delete(messages(conversation) + "/" + ids.get(1)).then().statusCode(204);

        api.member("ann").get(path(conversation)).then().body("messageCount", is(2)).body("tokenCount", is(40));
        api.member("ann").get(messages(conversation) + "/" + ids.get(1)).then().spec(Problems.notFound());
    }

    @Test
    void tokenCountsAreTheEncodersOwnForTheConversationsModelOrTheMessages() {
        String text = "Plan a three-day trip to Oslo in May, with museums and one fjord cruise.";
        String conversation = api.create("ann", Map.of("model", "gpt-4o"));

        api.member("ann").body(Map.of("role", "user", "content", text)).post(messages(conversation)).then()
                .statusCode(201)
                .body("tokenCount", is(chatTokens(ENCODINGS.getEncoding(EncodingType.O200K_BASE), "user", text)));
        api.member("ann").body(Map.of("role", "assistant", "content", text, "model", "gpt-4"))
                .post(messages(conversation)).then().statusCode(201)
                .body("tokenCount", is(chatTokens(ENCODINGS.getEncoding(EncodingType.CL100K_BASE), "assistant", text)));
    }

    @Test
    void aTokenCountTheClientGivesIsKept() {
        String conversation = api.create("ann");

        api.member("ann").body(Map.of("role", "user", "content", "Hello", "tokenCount", 42)).post(messages(conversation))
                .then().statusCode(201).body("tokenCount", is(42));
    }

    @Test
    void anAssistantsToolCallsAndTheToolsAnswerAreKept() {
        String conversation = api.create("ann");
        Map<String, Object> call = Map.of("id", "call_1", "type", "function", "function",
                Map.of("name", "weather", "arguments", "{\"city\":\"Oslo\"}"));

        api.member("ann").body(Map.of("messages", List.of(Map.of("role", "assistant", "toolCalls", List.of(call)),
                Map.of("role", "tool", "toolCallId", "call_1", "content", "12 °C")))).post(messages(conversation)).then()
                .statusCode(201)
                .body("items[0].toolCalls[0].function.name", is("weather"))
                .body("items[1].toolCallId", is("call_1"));
    }

    @Test
    void pagesInBothDirectionsHaveNoGapsOrRepeats() {
        String conversation = api.create("ann");
        List<String> contents = IntStream.range(0, 7).mapToObj(i -> "m" + i).toList();
        api.append("ann", conversation, "user", contents.toArray(String[]::new));

        assertEquals(contents, page(conversation, "asc", 3));
        List<String> newestFirst = new ArrayList<>(contents);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, page(conversation, "desc", 2));
    }

    @Test
    void sendingMessagesIsAudited() {
        String conversation = api.create("ann");
        List<String> ids = api.append("ann", conversation, "user", "a", "b");

        var sent = audit.of(api.tenant).stream().filter(e -> e.getString("type").equals("conversation.message.sent"))
                .toList();
        assertEquals(1, sent.size());
        assertEquals(conversation, sent.get(0).getString("subject"));
        assertEquals(ids, sent.get(0).getJsonObject("detail").getJsonArray("messageIds").getList());
    }

    @Test
    void everyAppendedMessageIsAnnouncedToItsConversationsTopicWithoutItsContent() {
        String conversation = api.create("ann");
        var appended = api.member("ann").body(Map.of("messages", List.of(
                Map.of("role", "user", "content", "secret plans", "tokenCount", 7),
                Map.of("role", "assistant", "content", "noted"))))
                .post(messages(conversation)).then().statusCode(201).extract();

        List<JsonObject> events = notifications.of(api.tenant).stream()
                .filter(e -> e.getString("topic").equals("conversation." + conversation)).toList();
        assertEquals(2, events.size());
        JsonObject first = events.get(0);
        assertEquals("conversation.message.created", first.getString("type"));
        assertEquals(new JsonObject().put("conversationId", conversation)
                .put("messageId", appended.path("items[0].id"))
                .put("role", "user")
                .put("seq", 1)
                .put("createdAt", appended.path("items[0].createdAt"))
                .put("tokenCount", 7), first.getJsonObject("data"));
        JsonObject second = events.get(1).getJsonObject("data");
        assertEquals(appended.<String> path("items[1].id"), second.getString("messageId"));
        assertEquals(2, second.getInteger("seq"));
        assertFalse(events.toString().contains("secret plans"), "never the content");
    }

    @Test
    void anUnknownRoleIsRefusedNamingIt() {
        String conversation = api.create("ann");

        api.member("ann").body(Map.of("role", "wizard", "content", "x")).post(messages(conversation)).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("role"));
    }

    @Test
    void aToolsMessageWithoutTheCallItAnswersIsRefused() {
        String conversation = api.create("ann");

        api.member("ann").body(Map.of("messages", List.of(Map.of("role", "user", "content", "x"),
                Map.of("role", "tool", "content", "12 °C")))).post(messages(conversation)).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("messages[1].toolCallId"));
    }

    @Test
    void moreMessagesThanABatchTakesAreRefused() {
        String conversation = api.create("ann");
        List<Map<String, Object>> batch = IntStream.range(0, 101)
                .mapToObj(i -> Map.<String, Object> of("role", "user", "content", "m")).toList();

        api.member("ann").body(Map.of("messages", batch)).post(messages(conversation)).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("messages"));
        api.member("ann").get(path(conversation)).then().body("messageCount", is(0));
    }

    @Test
    void contentLargerThanTheLimitIsRefused() {
        String conversation = api.create("ann");

        api.member("ann").body(Map.of("role", "user", "content", "x".repeat(64 * 1024 + 1))).post(messages(conversation))
                .then().spec(Problems.validationFailed()).body("errors.field", contains("content"))
                .body("detail", endsWith("bytes in UTF-8"));
    }

    @Test
    void anOrderOtherThanAscOrDescIsRefused() {
        String conversation = api.create("ann");

        api.member("ann").get(messages(conversation) + "?order=sideways").then().spec(Problems.validationFailed())
                .body("errors.field", contains("order"));
    }

    @Test
    void anotherUsersOrTenantsMessagesAreNotFound() {
        String conversation = api.create("ann");
        String message = api.append("ann", conversation, "user", "secret").get(0);

        for (var stranger : List.of(api.member("bob"), Requests.as("ann", Ids.next(), "member"),
                Requests.as("root", Ids.next(), "admin"))) {
            stranger.get(messages(conversation)).then().spec(Problems.notFound());
        }
        api.member("bob").get(messages(conversation) + "/" + message).then().spec(Problems.notFound());
        api.member("bob").body(Map.of("role", "user", "content", "x")).post(messages(conversation)).then()
                .spec(Problems.notFound());
        api.member("bob").delete(messages(conversation) + "/" + message).then().spec(Problems.notFound());
        Requests.as("ann", Ids.next(), "member").delete(messages(conversation) + "/" + message).then()
                .spec(Problems.notFound());
        api.member("ann").get(path(conversation)).then().body("messageCount", is(1));
    }

    @Test
    void theMessagesOfADeletedConversationAreNotFound() {
        String conversation = api.create("ann");
        String message = api.append("ann", conversation, "user", "hi").get(0);
        api.member("ann").delete(path(conversation)).then().statusCode(204);

        api.member("ann").get(messages(conversation) + "/" + message).then().spec(Problems.notFound());
        api.member("ann").body(Map.of("role", "user", "content", "x")).post(messages(conversation)).then()
                .spec(Problems.notFound());
    }
}
