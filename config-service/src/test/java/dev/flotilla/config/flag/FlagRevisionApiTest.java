package dev.flotilla.config.flag;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static dev.flotilla.config.FlagDefinitions.condition;
import static dev.flotilla.config.FlagDefinitions.rule;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FlagRevisionApiTest {

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private static String flag(String key) {
        return "/api/v1/flags/" + key + "?env=prod";
    }

    private static String revisions(String key) {
        return "/api/v1/flags/" + key + "/revisions";
    }

    private static Map<String, Object> goldOnly(boolean enabled) {
        return booleanFlag(enabled, rule("on", condition("plan", "equals", "gold")));
    }

    /** Creates the flag, switches it off ("why: off"), and deletes it; the ETag of each step. */
    private List<String> createUpdateDelete(String key) {
        String created = admin().body(goldOnly(true)).put(flag(key)).then().statusCode(201).extract().header("ETag");
        String updated = admin().header("If-Match", created).queryParam("message", "why: off").body(goldOnly(false))
                .put(flag(key)).then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", updated).delete(flag(key)).then().statusCode(204);
        return List.of(created, updated);
    }

    private static ValidatableResponse evaluate(UUID tenant, String key, String plan) {
        return Requests.as(tenant, "viewer").header("X-Flotilla-Env", "prod")
                .body(Map.of("context", Map.of("targetingKey", "u1", "plan", plan)))
                .post("/ofrep/v1/evaluate/flags/" + key).then();
    }

    @Test
    void everyPutAndDeleteIsARevisionNumberedFromOneAndListedNewestFirst() {
        createUpdateDelete("history");
        admin().queryParam("env", "prod").get(revisions("history")).then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.number", equalTo(List.of(3, 2, 1)))
                .body("items.kind", equalTo(List.of("delete", "update", "create")))
                .body("items.author", equalTo(List.of("root", "root", "root")))
                .body("items[1].message", equalTo("why: off"), "items[2].message", nullValue())
                .body("items[2].old", nullValue(), "items[2].new.enabled", equalTo(true))
                .body("items[1].old.enabled", equalTo(true), "items[1].new.enabled", equalTo(false))
                .body("items[0].old.enabled", equalTo(false), "items[0].new", nullValue());
    }

    @Test
    void aRefusedChangeWritesNoRevisionSoNumbersHaveNoGaps() {
        String created = admin().body(goldOnly(true)).put(flag("gapless")).then().statusCode(201).extract().header("ETag");
        admin().header("If-Match", "\"0\"").body(goldOnly(false)).put(flag("gapless")).then()
                .spec(Problems.preconditionFailed());
        admin().delete(flag("gapless")).then().spec(Problems.preconditionRequired());
        admin().body(booleanFlag(true, rule("nowhere"))).header("If-Match", created).put(flag("gapless")).then()
                .spec(Problems.unprocessable());
        admin().header("If-Match", created).body(goldOnly(false)).put(flag("gapless")).then().statusCode(200);
        admin().queryParam("env", "prod").get(revisions("gapless")).then().statusCode(200)
                .body("items.number", equalTo(List.of(2, 1)), "items.kind", equalTo(List.of("update", "create")));
    }

    @Test
    void ofTwoConcurrentWritersWithOneETagOnlyTheWinnerWritesARevision() {
        String created = admin().body(goldOnly(true)).put(flag("raced")).then().statusCode(201).extract().header("ETag");
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(CompletableFuture.supplyAsync(() -> admin().header("If-Match", created).body(goldOnly(false))
                    .put(flag("raced")).statusCode()));
        }
        assertEquals(List.of(200, 412), writers.stream().map(CompletableFuture::join).sorted().toList());
        admin().queryParam("env", "prod").get(revisions("raced")).then().body("items.number", equalTo(List.of(2, 1)));
    }

    @Test
    void revisionsArePagedNewestFirst() {
        createUpdateDelete("paged");
        Response first = admin().queryParam("env", "prod").queryParam("limit", 2).get(revisions("paged"));
        first.then().statusCode(200).body("items.number", equalTo(List.of(3, 2)));
        String cursor = first.path("nextCursor");
        admin().queryParam("env", "prod").queryParam("limit", 2).queryParam("cursor", cursor).get(revisions("paged")).then()
                .statusCode(200).body("items.number", equalTo(List.of(1)));
    }

    @Test
    void aRevisionIsReadByItsNumberWithItsDefinitionBeforeAndAfter() {
        createUpdateDelete("single");
        admin().queryParam("env", "prod").get(revisions("single") + "/2").then().statusCode(200)
                .body("number", equalTo(2), "kind", equalTo("update"), "key", equalTo("single"), "environment",
                        equalTo("prod"), "message", equalTo("why: off"))
                .body("old.rules[0].conditions[0].value", equalTo("gold"), "new.enabled", equalTo(false));
    }

    @Test
    void aDiffNamesTheMembersThatDifferBetweenTwoRevisions() {
        createUpdateDelete("diffed");
        admin().queryParam("env", "prod").get(revisions("diffed") + "/2/diff").then().statusCode(200)
                .body("from", equalTo(1), "to", equalTo(2), "changed", equalTo(List.of("enabled")))
                .body("old.enabled", equalTo(true), "new.enabled", equalTo(false));
        admin().queryParam("env", "prod").queryParam("against", 0).get(revisions("diffed") + "/1/diff").then()
                .statusCode(200).body("old", nullValue(), "changed", hasItems("defaultVariant", "enabled", "rules", "type",
                        "variants"));
        admin().queryParam("env", "prod").queryParam("against", 1).get(revisions("diffed") + "/3/diff").then()
                .statusCode(200).body("new", nullValue(), "old.enabled", equalTo(true));
    }

    @Test
    void aRollbackRestoresTheDefinitionExactlyAndOfrepEvaluatesIt() {
        String created = admin().body(goldOnly(true)).put(flag("restored")).then().statusCode(201).extract().header("ETag");
        String updated = admin().header("If-Match", created).body(booleanFlag(true)).put(flag("restored")).then()
                .statusCode(200).extract().header("ETag");
        evaluate(tenant, "restored", "gold").statusCode(200).body("value", equalTo(false));
        admin().header("If-Match", updated).queryParam("env", "prod").post(revisions("restored") + "/1/rollback").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/flags/restored/revisions/3?env=prod"))
                .header("ETag", not(equalTo(updated)))
                .body("number", equalTo(3), "kind", equalTo("rollback"), "rolledBackTo", equalTo(1),
                        "message", equalTo("Rollback to revision 1"));
        Map<String, Object> first = admin().queryParam("env", "prod").get(revisions("restored") + "/1").path("new");
        Map<String, Object> now = admin().queryParam("env", "prod").get(revisions("restored") + "/3").path("new");
        assertEquals(first, now);
        admin().get(flag("restored")).then().statusCode(200).body("rules[0].conditions[0].value", equalTo("gold"));
        evaluate(tenant, "restored", "gold").statusCode(200).body("value", equalTo(true), "reason",
                equalTo("TARGETING_MATCH"));
    }

    @Test
    void aRollbackNeedsTheCurrentETagOfAnExistingFlag() {
        String created = admin().body(goldOnly(true)).put(flag("guarded")).then().statusCode(201).extract().header("ETag");
        admin().header("If-Match", created).body(goldOnly(false)).put(flag("guarded")).then().statusCode(200);
        admin().queryParam("env", "prod").post(revisions("guarded") + "/1/rollback").then()
                .spec(Problems.preconditionRequired());
        admin().header("If-Match", created).queryParam("env", "prod").post(revisions("guarded") + "/1/rollback").then()
                .spec(Problems.preconditionFailed());
        admin().queryParam("env", "prod").get(revisions("guarded")).then().body("items", hasSize(2));
    }

    @Test
    void rollingBackToADeletionDeletesAndRollingBackToTheCurrentStateIsAConflict() {
        createUpdateDelete("toggled");
        admin().queryParam("env", "prod").body(Map.of("message", "bring it back")).post(revisions("toggled") + "/2/rollback")
                .then().statusCode(201).body("number", equalTo(4), "message", equalTo("bring it back"));
        String current = admin().get(flag("toggled")).then().statusCode(200).body("enabled", equalTo(false)).extract()
                .header("ETag");
        admin().header("If-Match", current).queryParam("env", "prod").post(revisions("toggled") + "/2/rollback").then()
                .spec(Problems.conflict());
        admin().header("If-Match", current).queryParam("env", "prod").post(revisions("toggled") + "/3/rollback").then()
                .statusCode(201).body("kind", equalTo("rollback"), "new", nullValue());
        admin().get(flag("toggled")).then().spec(Problems.notFound());
        admin().queryParam("env", "prod").post(revisions("toggled") + "/3/rollback").then().spec(Problems.conflict());
        evaluate(tenant, "toggled", "gold").statusCode(404).body("errorCode", equalTo("FLAG_NOT_FOUND"));
    }

    @Test
    void anotherTenantsFlagHasNoRevisionsToRead() {
        createUpdateDelete("private");
        RequestSpecification stranger = Requests.as("eve", UUID.randomUUID(), "admin").queryParam("env", "prod");
        stranger.get(revisions("private")).then().spec(Problems.notFound());
        Requests.as("eve", UUID.randomUUID(), "admin").queryParam("env", "prod").get(revisions("private") + "/1").then()
                .spec(Problems.notFound());
        Requests.as("eve", UUID.randomUUID(), "admin").queryParam("env", "prod").get(revisions("private") + "/2/diff")
                .then().spec(Problems.notFound());
        Requests.as("eve", UUID.randomUUID(), "admin").queryParam("env", "prod").post(revisions("private") + "/2/rollback")
                .then().spec(Problems.notFound());
        admin().queryParam("env", "staging").get(revisions("private")).then().spec(Problems.notFound());
    }

    @Test
    void aRevisionThatDoesNotExistIsNotFoundAndABadNumberIsRefused() {
        createUpdateDelete("numbered");
        admin().queryParam("env", "prod").get(revisions("numbered") + "/99").then().spec(Problems.notFound())
                .body("detail", containsString("99"));
        admin().queryParam("env", "prod").get(revisions("numbered") + "/0").then().spec(Problems.notFound());
        admin().queryParam("env", "prod").get(revisions("numbered") + "/abc").then().statusCode(400)
                .contentType(Problems.PROBLEM_JSON);
        admin().queryParam("env", "prod").queryParam("against", -1).get(revisions("numbered") + "/2/diff").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("against"));
        admin().queryParam("env", "prod").queryParam("against", 42).get(revisions("numbered") + "/2/diff").then()
                .spec(Problems.notFound());
        admin().queryParam("env", "prod").post(revisions("numbered") + "/99/rollback").then().spec(Problems.notFound());
        admin().get(revisions("numbered")).then().spec(Problems.validationFailed()).body("errors[0].field", equalTo("env"));
    }

    @Test
    void membersReadRevisionsButOnlyAdminsRollBack() {
        createUpdateDelete("roles");
        Requests.as(tenant, "member").queryParam("env", "prod").get(revisions("roles")).then().statusCode(200);
        Requests.as(tenant, "member").queryParam("env", "prod").post(revisions("roles") + "/2/rollback").then()
                .spec(Problems.forbidden());
    }
}
