package dev.flotilla.conversation.export;

import dev.flotilla.common.id.Ids;
import dev.flotilla.conversation.ConversationApi;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.flotilla.conversation.ConversationApi.messages;
import static dev.flotilla.conversation.ConversationApi.path;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forks of a conversation at a message, the conversations related by forks, and exports as JSON and Markdown. */
@QuarkusTest
class ForkAndExportApiTest {

    private final ConversationApi api = new ConversationApi();

    private String fork(String user, String conversation, String atMessage) {
        return Responses.created(api.member(user).body(Map.of("atMessageId", atMessage))
                .post(path(conversation) + "/fork").then());
    }

    @Test
    void aForkCopiesTheHistoryUpToAndIncludingTheMessage() {
        String conversation = api.create("ann", Map.of("title", "Trip", "model", "gpt-4o"));
        List<String> ids = api.append("ann", conversation, "user", "one", "two", "three", "four");
        api.member("ann").delete(messages(conversation) + "/" + ids.get(0)).then().statusCode(204);

        String forked = fork("ann", conversation, ids.get(2));

        int tokens = api.member("ann").get(messages(conversation) + "?limit=2").then().extract()
                .path("items.tokenCount.sum()");
        api.member("ann").get(path(forked)).then().statusCode(200)
                .body("title", is("Trip"))
                .body("model", is("gpt-4o"))
                .body("parentConversationId", is(conversation))
                .body("forkedFromMessageId", is(ids.get(2)))
                .body("messageCount", is(2))
                .body("tokenCount", is(tokens));
        List<String> copied = api.member("ann").get(messages(forked)).then().statusCode(200).extract()
                .path("items.content");
        assertEquals(List.of("two", "three"), copied);
    }

    @Test
    void theRelatedConversationsAreTheParentAndTheForks() {
        String conversation = api.create("ann");
        String message = api.append("ann", conversation, "user", "hi").get(0);
        String first = fork("ann", conversation, message);
        String second = fork("ann", conversation, message);

        api.member("ann").get(path(conversation) + "/related").then().statusCode(200)
                .body("items.id", is(List.of(first, second)))
                .body("items.relation", is(List.of("FORK", "FORK")));
        api.member("ann").get(path(first) + "/related").then().statusCode(200)
                .body("items.id", is(List.of(conversation)))
                .body("items.relation", is(List.of("PARENT")));
    }

    @Test
    void aForkAtAMessageOfAnotherConversationIsUnprocessable() {
        String conversation = api.create("ann");
        String other = api.create("ann");
        String foreign = api.append("ann", other, "user", "elsewhere").get(0);

        api.member("ann").body(Map.of("atMessageId", foreign)).post(path(conversation) + "/fork").then()
                .spec(Problems.unprocessable());
        api.member("ann").body(Map.of()).post(path(conversation) + "/fork").then().spec(Problems.validationFailed());
    }

    @Test
    void anotherUsersOrTenantsConversationCannotBeForkedOrExported() {
        String conversation = api.create("ann");
        String message = api.append("ann", conversation, "user", "secret").get(0);

        api.member("bob").body(Map.of("atMessageId", message)).post(path(conversation) + "/fork").then()
                .spec(Problems.notFound());
        api.member("bob").get(path(conversation) + "/export").then().spec(Problems.notFound());
        api.member("bob").get(path(conversation) + "/related").then().spec(Problems.notFound());
        Requests.as("ann", Ids.next(), "member").get(path(conversation) + "/export").then().spec(Problems.notFound());
        Requests.as("root", Ids.next(), "admin").body(Map.of("atMessageId", message)).post(path(conversation) + "/fork")
                .then().spec(Problems.notFound());
    }

    @Test
    void theJsonExportHoldsTheConversationAndItsMessagesAsAnAttachment() {
        String conversation = api.create("ann", Map.of("title", "Trip"));
        api.append("ann", conversation, "user", "one", "two");

        api.member("ann").get(path(conversation) + "/export?format=json").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Disposition", is("attachment; filename=\"conversation-" + conversation + ".json\""))
                .body("conversation.title", is("Trip"))
                .body("conversation.messageCount", is(2))
                .body("messages.content", is(List.of("one", "two")));
    }

    @Test
    void theMarkdownExportReadsAsTheConversation() {
        String conversation = api.create("ann", Map.of("title", "Trip"));
        api.append("ann", conversation, "user", "Where to?");
        api.append("ann", conversation, "assistant", "**Oslo**");

        String markdown = api.member("ann").get(path(conversation) + "/export?format=markdown").then().statusCode(200)
                .contentType(startsWith("text/markdown"))
                .header("Content-Disposition", containsString(".md\""))
                .extract().asString();

        assertTrue(markdown.startsWith("# Trip\n"), markdown);
        assertTrue(markdown.indexOf("## user") < markdown.indexOf("Where to?"), markdown);
        assertTrue(markdown.indexOf("Where to?") < markdown.indexOf("## assistant"), markdown);
        assertTrue(markdown.contains("**Oslo**"), markdown);
    }

    @Test
    void anUnknownExportFormatIsRefused() {
        String conversation = api.create("ann");

        api.member("ann").get(path(conversation) + "/export?format=pdf").then().spec(Problems.validationFailed());
    }
}
