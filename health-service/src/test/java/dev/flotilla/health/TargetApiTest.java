package dev.flotilla.health;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The targets API: what may be created, by whom, what is shown, what is refused, and who sees what. */
@QuarkusTest
class TargetApiTest {

    static final String TARGETS = "/api/v1/targets";
    private static final String URL = "http://127.0.0.1:9/health";

    private final UUID tenant = Ids.next();

    /** The id of this service's own target, once it has registered itself (in the background, as it starts listening). */
    static String ownTarget(UUID tenant) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Requests.as(tenant, "viewer").get(TARGETS).then()
                .statusCode(200).extract().<String> path("items.find { it.name == 'health-service' }.id"), id -> id != null);
    }

    private RequestSpecification admin() {
        return Requests.as(tenant, "admin");
    }

    private String create(Map<String, Object> body) {
        return Responses.created(admin().body(body).post(TARGETS).then());
    }

    @Test
    void aCreatedTargetIsAnsweredWithItsDefaultsLocationAndETag() {
        admin().body(Map.of("name", "payments", "url", URL)).post(TARGETS).then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("name", is("payments"))
                .body("kind", is("http"))
                .body("method", is("GET"))
                .body("interval", is("PT1M"))
                .body("timeout", is("PT10S"))
                .body("conditions", contains("[STATUS] == 200"))
                .body("source", is("api"))
                .body("platform", is(false))
                .body("enabled", is(true))
                .body("version", is(1));
    }

    @Test
    void everyFieldGivenIsStoredAndReadBack() {
        String id = create(Map.ofEntries(Map.entry("name", "search-api"), Map.entry("group", "search"),
                Map.entry("kind", "http"), Map.entry("url", URL), Map.entry("method", "POST"),
                Map.entry("headers", Map.of("X-Probe", "1")), Map.entry("body", "{\"q\":\"ping\"}"),
                Map.entry("interval", "30s"), Map.entry("timeout", "2s"),
                Map.entry("conditions", List.of("[STATUS] == 204", "[RESPONSE_TIME] < 300")),
                Map.entry("dependsOn", List.of("postgres"))));
        Requests.as(tenant, "member").get(TARGETS + "/" + id).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("group", is("search"))
                .body("method", is("POST"))
                .body("headers.X-Probe", is("1"))
                .body("body", is("{\"q\":\"ping\"}"))
                .body("interval", is("PT30S"))
                .body("timeout", is("PT2S"))
                .body("conditions", contains("[STATUS] == 204", "[RESPONSE_TIME] < 300"))
                .body("dependsOn", contains("postgres"));
    }

    @Test
    void anInvalidConditionIsA422NamingEachByItsIndex() {
        admin().body(Map.of("name", "bad", "url", URL, "conditions",
                List.of("[STATUS] == 200", "[STATUS] ~ 200", "whatever")))
                .post(TARGETS).then()
                .spec(Problems.unprocessable())
                .body("errors.field", contains("conditions[1]", "conditions[2]"));
    }

    @Test
    void malformedFieldsAreOne400NamingEach() {
        admin().body(Map.of("name", " ", "kind", "ftp", "url", URL, "interval", "1ms", "timeout", "soon"))
                .post(TARGETS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("interval"))
                .body("errors.field", hasItem("timeout"));
    }

    @Test
    void aTimeoutLongerThanTheIntervalIsRefused() {
        admin().body(Map.of("name", "slow", "url", URL, "interval", "5s", "timeout", "10s")).post(TARGETS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("timeout"));
    }

    @Test
    void aUrlMustSuitTheKind() {
        admin().body(Map.of("name", "db", "kind", "tcp", "url", URL)).post(TARGETS).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("url"));
        admin().body(Map.of("name", "web", "kind", "http", "url", "tcp://127.0.0.1:5432")).post(TARGETS).then()
                .spec(Problems.validationFailed()).body("errors.field", contains("url"));
        admin().body(Map.of("name", "db", "kind", "tcp", "url", "tcp://127.0.0.1:5432")).post(TARGETS).then()
                .statusCode(201).body("conditions", hasSize(0));
    }

    @Test
    void aSecondTargetOfTheSameNameIsAConflict() {
        create(Map.of("name", "twin", "url", URL));
        admin().body(Map.of("name", "twin", "url", URL)).post(TARGETS).then().spec(Problems.conflict());
    }

    @Test
    void aPatchChangesOnlyTheFieldsGivenAndMovesTheETag() {
        String id = create(Map.of("name", "api", "group", "a", "url", URL));
        admin().header("If-Match", "\"1\"").body(Map.of("group", "b", "interval", "10s")).patch(TARGETS + "/" + id).then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("group", is("b"))
                .body("interval", is("PT10S"))
                .body("name", is("api"))
                .body("url", is(URL));
    }

    @Test
    void aPatchOrDeleteOfAnotherVersionIsPreconditionFailed() {
        String id = create(Map.of("name", "api", "url", URL));
        admin().body(Map.of("group", "b")).patch(TARGETS + "/" + id).then().statusCode(200);
        admin().header("If-Match", "\"1\"").body(Map.of("group", "c")).patch(TARGETS + "/" + id).then()
                .spec(Problems.preconditionFailed());
        admin().header("If-Match", "\"1\"").delete(TARGETS + "/" + id).then().spec(Problems.preconditionFailed());
        admin().get(TARGETS + "/" + id).then().body("group", is("b"));
    }

    @Test
    void aPatchIsValidatedAsACreateIs() {
        String id = create(Map.of("name", "api", "url", URL));
        admin().body(Map.of("conditions", List.of("nonsense"))).patch(TARGETS + "/" + id).then()
                .spec(Problems.unprocessable()).body("errors.field", contains("conditions[0]"));
    }

    @Test
    void aDeletedTargetIsGone() {
        String id = create(Map.of("name", "gone", "url", URL));
        admin().delete(TARGETS + "/" + id).then().statusCode(204);
        admin().get(TARGETS + "/" + id).then().spec(Problems.notFound());
        admin().delete(TARGETS + "/" + id).then().spec(Problems.notFound());
    }

    @Test
    void anotherTenantsTargetIsNotFound() {
        String id = create(Map.of("name", "private", "url", URL));
        UUID other = Ids.next();
        Requests.as(other, "admin").get(TARGETS + "/" + id).then().spec(Problems.notFound());
        Requests.as(other, "admin").body(Map.of("group", "x")).patch(TARGETS + "/" + id).then().spec(Problems.notFound());
        Requests.as(other, "admin").delete(TARGETS + "/" + id).then().spec(Problems.notFound());
        Requests.as(other, "admin").get(TARGETS + "/" + id + "/results").then().spec(Problems.notFound());
        Requests.as(other, "admin").get(TARGETS).then().body("items.id", not(hasItem(id)));
    }

    @Test
    void membersAndViewersReadButDoNotChange() {
        String id = create(Map.of("name", "shared", "url", URL));
        for (String role : List.of("member", "viewer")) {
            Requests.as(tenant, role).get(TARGETS + "/" + id).then().statusCode(200);
            Requests.as(tenant, role).body(Map.of("name", "mine", "url", URL)).post(TARGETS).then()
                    .spec(Problems.forbidden());
            Requests.as(tenant, role).body(Map.of("group", "x")).patch(TARGETS + "/" + id).then().spec(Problems.forbidden());
            Requests.as(tenant, role).delete(TARGETS + "/" + id).then().spec(Problems.forbidden());
        }
    }

    @Test
    void theListPagesThroughTheTenantsTargetsAfterThePlatforms() {
        ownTarget(tenant);
        for (int i = 0; i < 3; i++) {
            create(Map.of("name", "t" + i, "url", URL));
        }
        String cursor = admin().queryParam("limit", 2).get(TARGETS).then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].platform", is(true))
                .body("items[0].name", is("health-service"))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        admin().queryParam("limit", 2).queryParam("cursor", cursor).get(TARGETS).then()
                .body("items.name", contains("t1", "t2"))
                .body("nextCursor", nullValue());
    }

    @Test
    void theSuitesOwnServicesAreSeenByEveryTenantAndChangedByNone() {
        String id = ownTarget(tenant);
        Requests.as(Ids.next(), "viewer").get(TARGETS + "/" + id).then()
                .statusCode(200)
                .body("kind", is("quarkus"))
                .body("source", is("suite"))
                .body("group", is("flotilla"));
        admin().body(Map.of("group", "mine")).patch(TARGETS + "/" + id).then().spec(Problems.conflict());
        admin().delete(TARGETS + "/" + id).then().spec(Problems.conflict());
    }
}
