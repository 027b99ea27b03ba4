package dev.flotilla.notification;

import dev.flotilla.notification.email.UnsubscribeLinks;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** One-click unsubscribe links (RFC 8058): no session, the signed link is the proof. */
@QuarkusTest
class UnsubscribeTest {

    @Inject
    UnsubscribeLinks links;

    private final UUID tenant = UUID.randomUUID();
    private final String user = UUID.randomUUID().toString();

    private String path(String eventType) {
        return URI.create(links.link(tenant, user, eventType)).getPath();
    }

    @Test
    void aOneClickPostTurnsThatEventTypesEmailOffForTheRecipient() {
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post(path("task.failed")).then()
                .statusCode(200)
                .body(containsString("task.failed"));

        Requests.as(user, tenant, "member").get("/api/v1/preferences").then()
                .statusCode(200)
                .body("preferences.find { it.eventType == 'task.failed' }.channel", is("email"))
                .body("preferences.find { it.eventType == 'task.failed' }.enabled", is(false));
    }

    @Test
    void openingTheLinkAsksBeforeChangingAnything() {
        given().get(path("task.succeeded")).then()
                .statusCode(200)
                .body(containsString("<form method=\"post\">"));
        Requests.as(user, tenant, "member").get("/api/v1/preferences").then()
                .body("preferences", empty());
    }

    @Test
    void aLinkThisServiceDidNotSignIsNotFound() {
        String forged = path("task.failed").replace(user, UUID.randomUUID().toString());
        given().post("/api/v1/unsubscribe/bm90LWEtdG9rZW4.c2lnbmF0dXJl").then().spec(Problems.notFound());
        given().post(forged + "x").then().spec(Problems.notFound());
    }

    @Test
    void unsubscribingTwiceKeepsEmailOff() {
        given().post(path("task.dead")).then().statusCode(200);
        given().post(path("task.dead")).then().statusCode(200);
        Requests.as(user, tenant, "member").get("/api/v1/preferences").then()
                .body("preferences.eventType", hasItem("task.dead"));
    }
}
