package dev.flotilla.conversation.conversation;

import dev.flotilla.common.id.Ids;
import dev.flotilla.conversation.AuditOutbox;
import dev.flotilla.conversation.ConversationApi;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.flotilla.conversation.ConversationApi.CONVERSATIONS;
import static dev.flotilla.conversation.ConversationApi.path;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Conversations: their fields, lists, merge patches with If-Match, soft delete and restore, and whose they are. */
@QuarkusTest
class ConversationApiTest {

    @Inject
    AuditOutbox audit;

    private final ConversationApi api = new ConversationApi();

    private List<String> listed(String user, String query) {
        return api.member(user).get(CONVERSATIONS + query).then().statusCode(200).extract().path("items.id");
    }

    @Test
    void aCreatedConversationIsReadBackWithItsFields() {
        String agent = Ids.next().toString();
        String id = api.create("ann", Map.of("title", "Trip to Oslo", "description", "Planning", "tags",
                List.of("travel", "norway"), "workspaceSessionId", "ws-7", "aiProvider", "openai", "model", "gpt-4o",
                "agentId", agent, "metadata", Map.of("client", "web")));

        api.member("ann").get(path(id)).then().statusCode(200)
                .header("ETag", is("\"1\""))
                .body("owner", is("ann"))
                .body("title", is("Trip to Oslo"))
                .body("description", is("Planning"))
                .body("tags", contains("travel", "norway"))
                .body("status", is("ACTIVE"))
                .body("workspaceSessionId", is("ws-7"))
                .body("aiProvider", is("openai"))
                .body("model", is("gpt-4o"))
                .body("agentId", is(agent))
                .body("metadata.client", is("web"))
                .body("messageCount", is(0))
                .body("tokenCount", is(0))
                .body("parentConversationId", nullValue());
    }

    @Test
    void theListIsTheCallersNewestFirstInPagesWithoutGapsOrRepeats() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.create("ann"));
        }
        api.create("bob");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.member("ann").queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(CONVERSATIONS).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);

        Collections.reverse(created);
        assertEquals(created, seen);
    }

    @Test
    void theListFiltersByStatusTagWorkspaceSessionAndAgent() {
        String agent = Ids.next().toString();
        String archived = api.create("ann", Map.of("status", "ARCHIVED"));
        String tagged = api.create("ann", Map.of("tags", List.of("work", "urgent")));
        String inWorkspace = api.create("ann", Map.of("workspaceSessionId", "ws-42"));
        String withAgent = api.create("ann", Map.of("agentId", agent));

        assertEquals(List.of(archived), listed("ann", "?status=ARCHIVED"));
        assertEquals(List.of(tagged), listed("ann", "?tag=urgent"));
        assertEquals(List.of(inWorkspace), listed("ann", "?workspaceSessionId=ws-42"));
        assertEquals(List.of(withAgent), listed("ann", "?agentId=" + agent));
        assertEquals(List.of(withAgent, inWorkspace, tagged), listed("ann", "?status=active"));
    }

    @Test
    void qFindsTextInTheTitleWhateverItsCaseAndTakesWildcardsLiterally() {
        String oslo = api.create("ann", Map.of("title", "Trip to OSLO in May"));
        String percent = api.create("ann", Map.of("title", "100% done"));
        api.create("ann", Map.of("title", "Bergen"));

        assertEquals(List.of(oslo), listed("ann", "?q=oslo"));
        List<String> found = api.member("ann").queryParam("q", "0%").get(CONVERSATIONS).then().statusCode(200).extract()
                .path("items.id");
        assertEquals(List.of(percent), found);
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndAdvancesTheETag() {
        String id = api.create("ann", Map.of("title", "Old", "description", "Keep me", "tags", List.of("a", "b"),
                "metadata", Map.of("keep", 1, "drop", 2)));
        Map<String, Object> patch = new HashMap<>();
        patch.put("title", "New");
        patch.put("tags", List.of("c"));
        patch.put("status", "ARCHIVED");
        patch.put("metadata", new HashMap<>(Map.of("added", true)));
        ((Map<String, Object>) patch.get("metadata")).put("drop", null);

        api.member("ann").contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(patch)
                .patch(path(id)).then().statusCode(200)
                .header("ETag", is("\"2\""))
                .body("title", is("New"))
                .body("description", is("Keep me"))
                .body("tags", contains("c"))
                .body("status", is("ARCHIVED"))
                .body("metadata", is(Map.of("keep", 1, "added", true)));
    }

    @Test
    void aNullMemberOfAPatchRemovesTheField() {
        String id = api.create("ann", Map.of("title", "Old", "description", "Drop me"));
        Map<String, Object> patch = new HashMap<>();
        patch.put("description", null);

        api.member("ann").header("If-Match", "\"1\"").body(patch).patch(path(id)).then().statusCode(200)
                .body("description", nullValue())
                .body("title", is("Old"));
    }

    @Test
    void aPatchOfAnOlderVersionIsAPreconditionFailure() {
        String id = api.create("ann");
        api.member("ann").header("If-Match", "\"1\"").body(Map.of("title", "First")).patch(path(id)).then()
                .statusCode(200);

        api.member("ann").header("If-Match", "\"1\"").body(Map.of("title", "Stale")).patch(path(id)).then()
                .spec(Problems.preconditionFailed());
    }

    @Test
    void aPatchWithoutIfMatchIsRefusedAsPreconditionRequired() {
        String id = api.create("ann");

        api.member("ann").body(Map.of("title", "Blind")).patch(path(id)).then().spec(Problems.preconditionRequired());
    }

    @Test
    void aPatchNamingAnUnknownFieldOrDeletingByStatusIsRefused() {
        String id = api.create("ann");

        api.member("ann").header("If-Match", "*").body(Map.of("messageCount", 9)).patch(path(id)).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("messageCount"));
        api.member("ann").header("If-Match", "*").body(Map.of("status", "DELETED")).patch(path(id)).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("status"));
        api.member("ann").header("If-Match", "*").body(Map.of("title", 5, "tags", "x")).patch(path(id)).then()
                .spec(Problems.validationFailed()).body("errors.field", hasItems("title", "tags"));
    }

    @Test
    void aDeletedConversationIsHiddenFromReadsAndLists() {
        String id = api.create("ann");

        api.member("ann").delete(path(id)).then().statusCode(204);

        api.member("ann").get(path(id)).then().spec(Problems.notFound());
        api.member("ann").header("If-Match", "*").body(Map.of("title", "x")).patch(path(id)).then()
                .spec(Problems.notFound());
        api.member("ann").delete(path(id)).then().spec(Problems.notFound());
        assertEquals(List.of(), listed("ann", ""));
    }

    @Test
    void aRestoredConversationIsActiveAndListedAgain() {
        String id = api.create("ann", Map.of("status", "ARCHIVED"));
        api.member("ann").delete(path(id)).then().statusCode(204);

        api.member("ann").post(path(id) + "/restore").then().statusCode(200).body("status", is("ACTIVE"));

        api.member("ann").get(path(id)).then().statusCode(200);
        assertEquals(List.of(id), listed("ann", ""));
    }

    @Test
    void creatingDeletingAndRestoringAreAudited() {
        String id = api.create("ann");
        api.member("ann").delete(path(id)).then().statusCode(204);
        api.member("ann").post(path(id) + "/restore").then().statusCode(200);

        assertEquals(List.of("conversation.created", "conversation.deleted", "conversation.restored"),
                audit.types(api.tenant));
        audit.of(api.tenant).forEach(event -> {
            assertEquals("ann", event.getString("actor"));
            assertEquals(id, event.getString("subject"));
        });
    }

    @Test
    void anotherUsersConversationIsNotFoundButAnAdminOfTheTenantSeesIt() {
        String id = api.create("ann");

        api.member("bob").get(path(id)).then().spec(Problems.notFound());
        api.member("bob").header("If-Match", "*").body(Map.of("title", "mine")).patch(path(id)).then()
                .spec(Problems.notFound());
        api.member("bob").delete(path(id)).then().spec(Problems.notFound());
        api.member("bob").post(path(id) + "/restore").then().spec(Problems.notFound());
        assertEquals(List.of(), listed("bob", ""));

        api.as("root", "admin").get(path(id)).then().statusCode(200).body("owner", is("ann"));
        List<String> adminSees = api.as("root", "admin").get(CONVERSATIONS).then().extract().path("items.id");
        assertEquals(List.of(id), adminSees);
    }

    @Test
    void anotherTenantsConversationIsNotFoundEvenByItsAdmin() {
        String id = api.create("ann");

        Requests.as("ann", Ids.next(), "member").get(path(id)).then().spec(Problems.notFound());
        Requests.as("root", Ids.next(), "admin").delete(path(id)).then().spec(Problems.notFound());
        Requests.as("root", Ids.next(), "admin").header("If-Match", "*").body(Map.of("title", "x")).patch(path(id))
                .then().spec(Problems.notFound());
    }

    @Test
    void anOverlongTitleIsRefusedNamingIt() {
        api.member("ann").body(Map.of("title", "t".repeat(501))).post(CONVERSATIONS).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("title"));
    }

    @Test
    void aStatusOtherThanActiveOrArchivedIsRefusedOnCreateAndInTheQuery() {
        api.member("ann").body(Map.of("status", "DELETED")).post(CONVERSATIONS).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("status"));
        api.member("ann").get(CONVERSATIONS + "?status=GONE").then()
                .spec(Problems.validationFailed()).body("errors.field", contains("status"));
    }

    @Test
    void aMalformedAgentIdInTheQueryIsABadRequest() {
        api.member("ann").get(CONVERSATIONS + "?agentId=nope").then().statusCode(400)
                .contentType(Problems.PROBLEM_JSON);
    }
}
