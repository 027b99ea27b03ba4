package dev.flotilla.conversation.session;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chat sessions: opened, kept active by use, ended by their user or expired after the tenant's time to live. */
@QuarkusTest
class SessionApiTest {

    static final String SESSIONS = "/api/v1/sessions";
    /** The tenant whose sessions live one second (the test settings' {@code tenant-ttl}). */
    static final UUID SHORT_LIVED = UUID.fromString("00000000-0000-0000-0000-00000000e001");

    private final UUID tenant = Ids.next();

    private RequestSpecification as(String user, String role) {
        return Requests.as(user, tenant, role);
    }

    private String open(String user) {
        return Responses.created(as(user, "member").body(Map.of("workspaceSessionId", "ws-1", "metadata",
                Map.of("client", "web"))).post(SESSIONS).then());
    }

    private Instant instant(String user, String id, String field) {
        return Instant.parse(as(user, "member").get(SESSIONS + "/" + id).then().statusCode(200).extract().path(field));
    }

    @Test
    void anOpenedSessionIsActiveForTheDefaultTimeToLive() {
        String id = open("ann");

        as("ann", "member").get(SESSIONS + "/" + id).then().statusCode(200)
                .body("status", is("ACTIVE"))
                .body("owner", is("ann"))
                .body("workspaceSessionId", is("ws-1"))
                .body("metadata.client", is("web"));
        assertEquals(Duration.ofMinutes(30),
                Duration.between(instant("ann", id, "createdAt"), instant("ann", id, "expiresAt")));
    }

    @Test
    void aTouchKeepsTheSessionActiveForAnotherTimeToLive() throws InterruptedException {
        String id = open("ann");
        Instant before = instant("ann", id, "expiresAt");
        Thread.sleep(5);

        as("ann", "member").post(SESSIONS + "/" + id + "/touch").then().statusCode(200).body("status", is("ACTIVE"));

        assertTrue(instant("ann", id, "expiresAt").isAfter(before));
        assertEquals(Duration.ofMinutes(30),
                Duration.between(instant("ann", id, "lastActiveAt"), instant("ann", id, "expiresAt")));
    }

    @Test
    void anEndedSessionStaysEndedAndCannotBeTouched() {
        String id = open("ann");

        as("ann", "member").post(SESSIONS + "/" + id + "/end").then().statusCode(200).body("status", is("ENDED"));
        as("ann", "member").post(SESSIONS + "/" + id + "/end").then().statusCode(200).body("status", is("ENDED"));
        as("ann", "member").post(SESSIONS + "/" + id + "/touch").then().spec(Problems.conflict());
    }

    @Test
    void aSessionUnusedForItsTenantsTimeToLiveExpires() {
        String id = Responses.created(Requests.as("ann", SHORT_LIVED, "member").body(Map.of()).post(SESSIONS).then());

        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(Requests.as("ann", SHORT_LIVED, "member")
                .get(SESSIONS + "/" + id).then().statusCode(200).extract().path("status")));
        Requests.as("ann", SHORT_LIVED, "member").post(SESSIONS + "/" + id + "/touch").then().spec(Problems.conflict());
    }

    @Test
    void aMemberSeesOnlyTheirOwnSessionsAndAnAdminTheTenants() {
        String anns = open("ann");
        String bobs = open("bob");

        as("bob", "member").get(SESSIONS + "/" + anns).then().spec(Problems.notFound());
        as("bob", "member").post(SESSIONS + "/" + anns + "/end").then().spec(Problems.notFound());
        List<String> bobSees = as("bob", "member").get(SESSIONS).then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(bobs), bobSees);
        List<String> adminSees = as("root", "admin").get(SESSIONS).then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(bobs, anns), adminSees, "newest first");
    }

    @Test
    void anotherTenantsSessionIsNotFound() {
        String id = open("ann");

        Requests.as("ann", Ids.next(), "admin").get(SESSIONS + "/" + id).then().spec(Problems.notFound());
    }

    @Test
    void theListFiltersByStatusNamedInAnyCase() {
        String ended = open("ann");
        String active = open("ann");
        as("ann", "member").post(SESSIONS + "/" + ended + "/end").then().statusCode(200);

        List<String> found = as("ann", "member").queryParam("status", "ended").get(SESSIONS).then().statusCode(200)
                .extract().path("items.id");
        assertEquals(List.of(ended), found);
        List<String> activeOnes = as("ann", "member").queryParam("status", "ACTIVE").get(SESSIONS).then().statusCode(200)
                .extract().path("items.id");
        assertEquals(List.of(active), activeOnes);
    }

    @Test
    void anUnknownStatusIsRefusedListingTheAcceptedOnes() {
        as("ann", "member").queryParam("status", "sleeping").get(SESSIONS).then().spec(Problems.validationFailed())
                .body("detail", is("status: must be one of [ACTIVE, ENDED, EXPIRED]"));
    }

    @Test
    void anOverlongWorkspaceSessionIdIsRefused() {
        as("ann", "member").body(Map.of("workspaceSessionId", "w".repeat(201))).post(SESSIONS).then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("workspaceSessionId"));
    }

    @Test
    void aViewerCannotOpenASession() {
        as("ann", "viewer").body(Map.of()).post(SESSIONS).then().spec(Problems.forbidden());
    }
}
