package dev.flotilla.notification;

import dev.flotilla.notification.preference.DigestRuleService;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class PreferenceDigestRuleApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    DigestRuleService rules;

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private String rule(String eventType, String window) {
        return Responses.created(admin().body(Map.of("eventType", eventType, "window", window)).post("/api/v1/digest-rules")
                .then());
    }

    @Test
    void aRuleIsCreatedReadAndDeleted() {
        String id = rule("task.*", "PT10M");
        admin().get("/api/v1/digest-rules/" + id).then()
                .statusCode(200)
                .body("eventType", equalTo("task.*"), "window", equalTo("PT10M"), "createdBy", equalTo("root"));
        admin().delete("/api/v1/digest-rules/" + id).then().statusCode(204);
        admin().get("/api/v1/digest-rules/" + id).then().spec(Problems.notFound());
    }

    @Test
    void rulesArePagedInOrderOfCreation() {
        rule("a.*", "PT5M");
        rule("b.*", "PT5M");
        rule("c.*", "PT5M");
        String next = admin().queryParam("limit", 2).get("/api/v1/digest-rules").then()
                .body("items.eventType", contains("a.*", "b.*")).extract().path("nextCursor");
        Requests.as("svc", tenant, "service").queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/digest-rules")
                .then().body("items.eventType", contains("c.*"), "nextCursor", equalTo(null));
    }

    @Test
    void aSecondRuleForThePatternIsAConflict() {
        rule("task.failed", "PT2M");
        admin().body(Map.of("eventType", "task.failed", "window", "PT20M")).post("/api/v1/digest-rules").then()
                .spec(Problems.conflict());
    }

    @Test
    void aWindowThatIsNotAnIsoDurationInBoundsIsRefused() {
        admin().body(Map.of("eventType", "task.*", "window", "10m")).post("/api/v1/digest-rules").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("window"));
        admin().body(Map.of("eventType", "task.*", "window", "PT1S")).post("/api/v1/digest-rules").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("window"));
        admin().body(Map.of("eventType", "task.**", "window", "PT10M")).post("/api/v1/digest-rules").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("eventType"));
    }

    @Test
    void onlyAdminsWriteRules() {
        Requests.as("ada", tenant, "member").body(Map.of("eventType", "task.*", "window", "PT10M")).post("/api/v1/digest-rules")
                .then().spec(Problems.forbidden());
        Requests.as("svc", tenant, "service").body(Map.of("eventType", "task.*", "window", "PT10M"))
                .post("/api/v1/digest-rules").then().spec(Problems.forbidden());
        Requests.as("ada", tenant, "member").get("/api/v1/digest-rules").then().spec(Problems.forbidden());
    }

    @Test
    void anotherTenantsRuleIsNotFound() {
        String id = rule("task.*", "PT10M");
        Requests.as("root", UUID.randomUUID(), "admin").get("/api/v1/digest-rules/" + id).then().spec(Problems.notFound());
        Requests.as("root", UUID.randomUUID(), "admin").delete("/api/v1/digest-rules/" + id).then().spec(Problems.notFound());
        admin().get("/api/v1/digest-rules/" + id).then().statusCode(200);
    }

    @Test
    void theMostSpecificRuleGivesAnEventItsWindowAndCriticalEventsHaveNone() {
        rule("*", "PT1H");
        rule("task.*", "PT10M");
        assertEquals(Duration.ofMinutes(10), rules.windowFor(tenant, "task.failed", false).await().atMost(WAIT));
        assertEquals(Duration.ofHours(1), rules.windowFor(tenant, "workflow.completed", false).await().atMost(WAIT));
        assertNull(rules.windowFor(tenant, "task.failed", true).await().atMost(WAIT));
        assertNull(rules.windowFor(UUID.randomUUID(), "task.failed", false).await().atMost(WAIT));
    }
}
