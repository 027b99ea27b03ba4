package dev.flotilla.notification;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.notification.WebhookApi.ENDPOINTS;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook endpoints API: what may be created, by whom, what is shown, and what is refused. */
@QuarkusTest
class WebhookEndpointApiTest {

    private static final String RECEIVER = "http://127.0.0.1:9/hooks";

    private final WebhookApi api = new WebhookApi();

    @Test
    void aCreatedEndpointAnswersItsSecretOnceWithItsLocation() {
        api.admin().body(Map.of("url", RECEIVER, "eventTypes", List.of("task.*", "workflow.completed"), "description",
                "CI bot"))
                .post(ENDPOINTS).then()
                .statusCode(201)
                .header("Location", containsString(ENDPOINTS + "/"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("url", is(RECEIVER))
                .body("eventTypes", contains("task.*", "workflow.completed"))
                .body("description", is("CI bot"))
                .body("enabled", is(true))
                .body("createdBy", is(api.owner.toString()));
    }

    @Test
    void theSecretIsNeverShownAgain() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        api.admin().get(ENDPOINTS + "/" + endpoint.id()).then().statusCode(200).body("$", not(hasKey("secret")));
        api.admin().get(ENDPOINTS).then().statusCode(200).body("items[0]", not(hasKey("secret")));
    }

    @Test
    void withoutEventTypesAnEndpointReceivesEveryType() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        api.admin().get(ENDPOINTS + "/" + endpoint.id()).then().body("eventTypes", contains("*"));
    }

    @Test
    void aViewerOrMemberCannotCreateEndpoints() {
        for (String role : List.of("viewer", "member")) {
            Requests.as(api.tenant, role).body(Map.of("url", RECEIVER)).post(ENDPOINTS).then().spec(Problems.forbidden());
        }
        Requests.as(api.tenant, "service").body(Map.of("url", RECEIVER)).post(ENDPOINTS).then().statusCode(201);
    }

    @Test
    void aMemberMayReadEndpointsButNotChangeThemAndAViewerMayDoNeither() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        Requests.as(api.tenant, "member").get(ENDPOINTS + "/" + endpoint.id()).then().statusCode(200);
        Requests.as(api.tenant, "member").get(ENDPOINTS + "/" + endpoint.id() + "/deliveries").then().statusCode(200);
        Requests.as(api.tenant, "member").post(ENDPOINTS + "/" + endpoint.id() + "/disable").then().spec(Problems.forbidden());
        Requests.as(api.tenant, "member").delete(ENDPOINTS + "/" + endpoint.id()).then().spec(Problems.forbidden());
        Requests.as(api.tenant, "viewer").get(ENDPOINTS).then().spec(Problems.forbidden());
        Requests.as(api.tenant, "viewer").get(ENDPOINTS + "/" + endpoint.id()).then().spec(Problems.forbidden());
    }

    @Test
    void anotherTenantsEndpointIsNotFoundWhateverIsAsked() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        WebhookApi other = new WebhookApi();
        String path = ENDPOINTS + "/" + endpoint.id();
        other.admin().get(path).then().spec(Problems.notFound());
        other.admin().body(Map.of("description", "mine now")).patch(path).then().spec(Problems.notFound());
        other.admin().post(path + "/disable").then().spec(Problems.notFound());
        other.admin().post(path + "/enable").then().spec(Problems.notFound());
        other.admin().post(path + "/rotate-secret").then().spec(Problems.notFound());
        other.admin().get(path + "/deliveries").then().spec(Problems.notFound());
        other.admin().post(path + "/test").then().spec(Problems.notFound());
        other.admin().delete(path).then().spec(Problems.notFound());
        other.admin().get(ENDPOINTS).then().body("items", is(List.of()));
        api.admin().get(path).then().statusCode(200).body("enabled", is(true)).body("description", nullValue());
    }

    @Test
    void aUrlThatIsNotAnAbsoluteHttpUrlIsRefusedNamingTheUrl() {
        for (String url : List.of("ftp://127.0.0.1/x", "/relative", "127.0.0.1:8080/hook", "http://user:pw@127.0.0.1/hook",
                "https://127.0.0.1/hook#fragment", "javascript:alert(1)")) {
            api.admin().body(Map.of("url", url)).post(ENDPOINTS).then()
                    .spec(Problems.validationFailed())
                    .body("errors.field", hasItem("url"));
        }
    }

    @Test
    void privateLinkLocalAndMetadataAddressesAreRefused() {
        for (String url : List.of("http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                "http://192.168.1.10:8080/hook",
                "http://172.16.5.4/", "http://100.64.0.1/", "http://[::1]:8080/hook", "http://[fd00::1]/",
                "http://[::ffff:10.0.0.1]/", "http://0.0.0.0:8080/")) {
            api.admin().body(Map.of("url", url)).post(ENDPOINTS).then()
                    .spec(Problems.validationFailed())
                    .body("errors.field", hasItem("url"))
                    .body("detail", containsString("is refused"));
        }
    }

    @Test
    void theMetadataAddressIsNamedInTheRefusal() {
        api.admin().body(Map.of("url", "http://169.254.169.254/latest/meta-data/")).post(ENDPOINTS).then()
                .spec(Problems.validationFailed())
                .body("errors[0].message", containsString("169.254.169.254 is the cloud metadata address"));
    }

    @Test
    void anUpdateToARefusedUrlIsRefusedAndChangesNothing() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        api.admin().body(Map.of("url", "http://10.1.2.3/hook")).patch(ENDPOINTS + "/" + endpoint.id()).then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItem("url"));
        api.admin().get(ENDPOINTS + "/" + endpoint.id()).then().body("url", is(RECEIVER));
    }

    @Test
    void anEventTypePatternThatIsNotOneIsRefusedNamingIt() {
        api.admin().body(Map.of("url", RECEIVER, "eventTypes", List.of("task.*", "Task Failed!"))).post(ENDPOINTS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItem("eventTypes[1]"));
        api.admin().body(Map.of("url", RECEIVER, "eventTypes", List.of())).post(ENDPOINTS).then()
                .spec(Problems.validationFailed());
        api.admin().body(Map.of("url", RECEIVER, "description", "x".repeat(501))).post(ENDPOINTS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItem("description"));
    }

    @Test
    void anUpdateReplacesWhatItNamesAndKeepsTheRest() {
        WebhookApi.Created endpoint = api.create(RECEIVER, "task.failed");
        String path = ENDPOINTS + "/" + endpoint.id();
        api.admin().body(Map.of("description", "nightly")).patch(path).then().statusCode(200)
                .body("description", is("nightly")).body("eventTypes", contains("task.failed"));
        api.admin().body(Map.of("eventTypes", List.of("workflow.*", "task.*", "task.*"), "url", "http://127.0.0.1:10/new"))
                .patch(path).then().statusCode(200)
                .body("eventTypes", contains("task.*", "workflow.*"))
                .body("url", is("http://127.0.0.1:10/new"))
                .body("description", is("nightly"));
        api.admin().contentType("application/merge-patch+json").body(Map.of("description", "")).patch(path).then()
                .statusCode(200).body("description", nullValue());
    }

    @Test
    void aDisabledEndpointIsEnabledAgainWithoutItsReason() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        String path = ENDPOINTS + "/" + endpoint.id();
        api.admin().post(path + "/disable").then().statusCode(200)
                .body("enabled", is(false)).body("disabledReason", is("disabled by " + api.owner));
        api.admin().post(path + "/disable").then().statusCode(200).body("enabled", is(false));
        api.admin().post(path + "/enable").then().statusCode(200)
                .body("enabled", is(true)).body("disabledReason", nullValue()).body("failingSince", nullValue());
    }

    @Test
    void aDeletedEndpointIsGone() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        api.admin().delete(ENDPOINTS + "/" + endpoint.id()).then().statusCode(204);
        api.admin().get(ENDPOINTS + "/" + endpoint.id()).then().spec(Problems.notFound());
        api.admin().delete(ENDPOINTS + "/" + endpoint.id()).then().spec(Problems.notFound());
    }

    @Test
    void rotatingAnswersANewSecretOnceAndKeepsTheOldOneSigningForTheDefaultDay() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        String path = ENDPOINTS + "/" + endpoint.id();
        Instant before = Instant.now();
        var rotated = api.admin().post(path + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("previousSecretExpiresAt", notNullValue())
                .extract().jsonPath();
        assertNotEquals(endpoint.secret(), rotated.getString("secret"));
        Instant expires = Instant.parse(rotated.getString("previousSecretExpiresAt"));
        assertTrue(
                !expires.isBefore(before.plus(Duration.ofHours(24)))
                        && expires.isBefore(Instant.now().plus(Duration.ofHours(25))),
                expires.toString());
        api.admin().get(path).then().body("$", not(hasKey("secret")))
                .body("previousSecretExpiresAt", is(rotated.getString("previousSecretExpiresAt")));
    }

    @Test
    void aRotationWithoutOverlapRetiresTheOldSecretAtOnce() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        String path = ENDPOINTS + "/" + endpoint.id();
        api.admin().body(Map.of("overlap", "PT1H")).post(path + "/rotate-secret").then().statusCode(200)
                .body("previousSecretExpiresAt", notNullValue());
        var rotated = api.admin().body(Map.of("overlap", "PT0S")).post(path + "/rotate-secret").then().statusCode(200)
                .extract().jsonPath();
        assertNull(rotated.get("previousSecretExpiresAt"));
    }

    @Test
    void anOverlapOutOfBoundsOrUnreadableIsRefused() {
        String path = ENDPOINTS + "/" + api.create(RECEIVER).id() + "/rotate-secret";
        api.admin().body(Map.of("overlap", "-PT1H")).post(path).then()
                .spec(Problems.validationFailed()).body("errors.field", hasItem("overlap"));
        api.admin().body(Map.of("overlap", "P30D")).post(path).then()
                .spec(Problems.validationFailed()).body("errors.field", hasItem("overlap"));
        api.admin().body(Map.of("overlap", "soon")).post(path).then().statusCode(400);
        api.admin().body(Map.of("overlap", "PT1H", "secret", "mine")).post(path).then().statusCode(400);
    }

    @Test
    void endpointsArePagedInCreationOrder() {
        List<UUID> ids = List.of(api.create(RECEIVER).id(), api.create(RECEIVER).id(), api.create(RECEIVER).id());
        var first = api.admin().get(ENDPOINTS + "?limit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(ids.get(0).toString(), ids.get(1).toString()), first.getList("items.id"));
        api.admin().get(ENDPOINTS + "?limit=2&cursor=" + first.getString("nextCursor")).then()
                .body("items.id", contains(ids.get(2).toString()))
                .body("nextCursor", nullValue());
    }
}
