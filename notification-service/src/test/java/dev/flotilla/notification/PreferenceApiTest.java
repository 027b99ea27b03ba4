package dev.flotilla.notification;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PreferenceApiTest {

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification ada() {
        return Requests.as("ada", tenant, "member");
    }

    private static Map<String, Object> entry(String channel, String eventType, boolean enabled) {
        return Map.of("channel", channel, "eventType", eventType, "enabled", enabled);
    }

    @Test
    void aUserWithoutChoicesHasAnEmptyList() {
        ada().get("/api/v1/preferences").then()
                .statusCode(200)
                .body("userId", equalTo("ada"), "preferences", empty());
    }

    @Test
    void replacingTheListStoresExactlyTheNewChoices() {
        ada().body(Map.of("preferences", List.of(entry("email", "task.*", false), entry("inbox", "*", true))))
                .put("/api/v1/preferences").then().statusCode(200);
        ada().body(Map.of("preferences", List.of(entry("email", "task.failed", true), entry("webhook", "*", false))))
                .put("/api/v1/preferences").then()
                .statusCode(200)
                .body("preferences.eventType", contains("task.failed", "*"))
                .body("preferences.channel", contains("email", "webhook"))
                .body("preferences.enabled", contains(true, false));
        ada().get("/api/v1/preferences").then().body("preferences.eventType", contains("task.failed", "*"));
    }

    @Test
    void oneChoiceIsSetAndForgottenOnItsOwn() {
        ada().body(Map.of("enabled", false)).put("/api/v1/preferences/email/task.*").then()
                .statusCode(200)
                .body("channel", equalTo("email"), "eventType", equalTo("task.*"), "enabled", equalTo(false),
                        "updatedAt", notNullValue());
        ada().body(Map.of("enabled", true)).put("/api/v1/preferences/email/task.*").then()
                .statusCode(200).body("enabled", equalTo(true));
        ada().get("/api/v1/preferences").then().body("preferences.enabled", contains(true));
        ada().delete("/api/v1/preferences/email/task.*").then().statusCode(204);
        ada().delete("/api/v1/preferences/email/task.*").then().spec(Problems.notFound());
    }

    @Test
    void anUnknownChannelOrAMalformedPatternIsRefusedNamingTheField() {
        ada().body(Map.of("preferences", List.of(entry("sms", "task.*", false)))).put("/api/v1/preferences").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("preferences[0].channel"));
        ada().body(Map.of("preferences", List.of(entry("email", "*.failed", false)))).put("/api/v1/preferences").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("preferences[0].eventType"));
        ada().body(Map.of("enabled", false)).put("/api/v1/preferences/pigeon/task.*").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void aListNamingOneChoiceTwiceIsRefused() {
        ada().body(Map.of("preferences", List.of(entry("email", "task.*", false), entry("email", "task.*", true))))
                .put("/api/v1/preferences").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("preferences[1]"));
    }

    @Test
    void anAdminManagesAnotherUsersPreferencesInTheTenant() {
        Requests.as("root", tenant, "admin").body(Map.of("enabled", false))
                .put("/api/v1/user-preferences/grace/email/workflow.*").then().statusCode(200);
        Requests.as("grace", tenant, "viewer").get("/api/v1/preferences").then()
                .body("preferences.eventType", contains("workflow.*"));
        Requests.as("task-service", tenant, "service").get("/api/v1/user-preferences/grace").then()
                .statusCode(200).body("userId", equalTo("grace"), "preferences.enabled", contains(false));
    }

    @Test
    void aMemberOrViewerManagesOnlyTheirOwnPreferences() {
        ada().get("/api/v1/user-preferences/grace").then().spec(Problems.forbidden());
        Requests.as("linus", tenant, "viewer").body(Map.of("enabled", false))
                .put("/api/v1/user-preferences/grace/email/task.*").then().spec(Problems.forbidden());
        Requests.as("linus", tenant, "viewer").body(Map.of("enabled", false))
                .put("/api/v1/preferences/email/task.*").then().statusCode(200);
    }

    @Test
    void anotherTenantsUserOfTheSameIdHasTheirOwnPreferences() {
        ada().body(Map.of("enabled", false)).put("/api/v1/preferences/email/task.*").then().statusCode(200);
        UUID elsewhere = UUID.randomUUID();
        Requests.as("ada", elsewhere, "member").get("/api/v1/preferences").then().body("preferences", empty());
        Requests.as("root", elsewhere, "admin").delete("/api/v1/user-preferences/ada/email/task.*").then()
                .spec(Problems.notFound());
    }

    @Test
    void settingsAreEmptyUntilSetAndReplacedWhole() {
        ada().get("/api/v1/preferences/settings").then()
                .statusCode(200)
                .body("userId", equalTo("ada"), "timeZone", nullValue(), "quietHours", nullValue(), "updatedAt", nullValue());
        ada().body(
                Map.of("timeZone", "Europe/Paris", "locale", "fr-fr", "quietHours", Map.of("start", "22:00", "end", "07:00")))
                .put("/api/v1/preferences/settings").then()
                .statusCode(200)
                .body("timeZone", equalTo("Europe/Paris"), "locale", equalTo("fr-FR"), "quietHours.start", equalTo("22:00"),
                        "quietHours.end", equalTo("07:00"), "updatedAt", notNullValue());
        ada().body(Map.of("timeZone", "Europe/Paris")).put("/api/v1/preferences/settings").then()
                .statusCode(200).body("quietHours", nullValue(), "locale", nullValue());
        ada().get("/api/v1/preferences/settings").then().body("timeZone", equalTo("Europe/Paris"), "quietHours", nullValue());
    }

    @Test
    void quietHoursNeedATimeZoneTheyAreReadIn() {
        ada().body(Map.of("quietHours", Map.of("start", "22:00", "end", "07:00"))).put("/api/v1/preferences/settings").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void anUnknownTimeZoneAMalformedTimeOrAnEmptyWindowIsRefused() {
        ada().body(Map.of("timeZone", "Mars/Olympus_Mons")).put("/api/v1/preferences/settings").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("timeZone"));
        ada().body(Map.of("timeZone", "Europe/Paris", "quietHours", Map.of("start", "25:00", "end", "07:00")))
                .put("/api/v1/preferences/settings").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("quietHours.start"));
        ada().body(Map.of("timeZone", "Europe/Paris", "quietHours", Map.of("start", "07:00", "end", "07:00")))
                .put("/api/v1/preferences/settings").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("quietHours.end"));
        ada().body(Map.of("locale", "not a locale")).put("/api/v1/preferences/settings").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("locale"));
    }

    @Test
    void anAdminSetsAnotherUsersQuietHours() {
        Requests.as("root", tenant, "admin")
                .body(Map.of("timeZone", "America/New_York", "quietHours", Map.of("start", "21:00", "end", "06:30")))
                .put("/api/v1/user-preferences/grace/settings").then().statusCode(200);
        Requests.as("grace", tenant, "member").get("/api/v1/preferences/settings").then()
                .body("timeZone", equalTo("America/New_York"), "quietHours.start", equalTo("21:00"));
        ada().get("/api/v1/user-preferences/grace/settings").then().spec(Problems.forbidden());
    }
}
