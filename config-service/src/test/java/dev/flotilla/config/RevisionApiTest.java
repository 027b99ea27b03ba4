package dev.flotilla.config;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RevisionApiTest {

    private final ConfigApi api = new ConfigApi();
    private String ns;

    @BeforeEach
    void createNamespace() {
        ns = api.namespace();
    }

    private String revisions() {
        return "/api/v1/namespaces/" + ns + "/revisions";
    }

    private static Map<String, Object> withMessage(Map<String, Object> body, String message) {
        body.put("message", message);
        return body;
    }

    @Test
    void everyChangeIsARevisionWithWhoWhenWhyAndTheEntryBeforeAndAfter() {
        api.put(ns, "port", "prod", withMessage(ConfigApi.body("number", 80), "open the port")).statusCode(201);
        api.put(ns, "port", "prod", withMessage(ConfigApi.body("number", 443), "TLS only")).statusCode(200);
        api.admin().queryParam("env", "prod").header("If-Match", "\"2\"").delete(ConfigApi.entry(ns, "port")).then()
                .statusCode(204);
        api.member().get(revisions() + "/1").then()
                .statusCode(200).header("X-Flotilla-Index", "3")
                .body("number", equalTo(1), "kind", equalTo("create"), "author", equalTo("ada"),
                        "message", equalTo("open the port"), "createdAt", notNullValue())
                .body("changes", hasSize(1))
                .body("changes[0].key", equalTo("port"), "changes[0].env", equalTo("prod"),
                        "changes[0].action", equalTo("create"), "changes[0].old", nullValue(),
                        "changes[0].new.value", equalTo(80), "changes[0].new.type", equalTo("number"));
        api.member().get(revisions() + "/2").then()
                .body("kind", equalTo("update"), "changes[0].old.value", equalTo(80), "changes[0].new.value", equalTo(443));
        api.member().get(revisions() + "/3").then()
                .body("kind", equalTo("delete"), "message", nullValue(), "changes[0].old.value", equalTo(443),
                        "changes[0].new", nullValue());
    }

    @Test
    void revisionsAreListedNewestFirstAPageAtATime() {
        for (int port = 1; port <= 3; port++) {
            api.put(ns, "port", null, ConfigApi.body("number", port)).statusCode(port == 1 ? 201 : 200);
        }
        String next = api.member().queryParam("limit", 2).get(revisions()).then()
                .statusCode(200).header("X-Flotilla-Index", "3")
                .body("items.number", contains(3, 2)).extract().path("nextCursor");
        api.member().queryParam("limit", 2).queryParam("cursor", next).get(revisions()).then()
                .body("items.number", contains(1), "nextCursor", nullValue());
    }

    @Test
    void revisionsAreFilteredByKeyAndEnvironment() {
        api.put(ns, "port", null, ConfigApi.body("number", 1)).statusCode(201);
        api.put(ns, "host", null, ConfigApi.body("string", "h")).statusCode(201);
        api.put(ns, "port", "prod", ConfigApi.body("number", 2)).statusCode(201);
        api.member().queryParam("key", "port").get(revisions()).then().body("items.number", contains(3, 1));
        api.member().queryParam("env", "prod").get(revisions()).then().body("items.number", contains(3));
        api.member().queryParam("key", "host").queryParam("env", "prod").get(revisions()).then().body("items", hasSize(0));
    }

    @Test
    void aRevisionThatDoesNotExistIsNotFound() {
        api.put(ns, "port", null, ConfigApi.body("number", 1)).statusCode(201);
        api.member().get(revisions() + "/2").then().spec(Problems.notFound());
        api.member().get(revisions() + "/0").then().spec(Problems.notFound());
        api.member().get(revisions() + "/two").then().spec(Problems.validationFailed());
    }

    @Test
    void theDiffOfARevisionShowsWhatItChanged() {
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        api.put(ns, "port", null, ConfigApi.body("number", 81)).statusCode(200);
        api.member().get(revisions() + "/2/diff").then()
                .statusCode(200).header("X-Flotilla-Index", "2")
                .body("from", equalTo(1), "to", equalTo(2), "changes", hasSize(1))
                .body("changes[0].key", equalTo("port"), "changes[0].old.value", equalTo(80),
                        "changes[0].new.value", equalTo(81));
    }

    @Test
    void theDiffAgainstAnotherRevisionListsEachEntryThatDiffersBetweenTheTwoStates() {
        api.put(ns, "a", null, ConfigApi.body("number", 1)).statusCode(201); // 1
        api.put(ns, "b", null, ConfigApi.body("number", 1)).statusCode(201); // 2
        api.put(ns, "a", null, ConfigApi.body("number", 2)).statusCode(200); // 3
        api.put(ns, "c", "prod", ConfigApi.body("number", 1)).statusCode(201); // 4
        api.put(ns, "b", null, ConfigApi.body("number", 1)).statusCode(200); // 5: no change of value
        api.admin().header("If-Match", "\"3\"").delete(ConfigApi.entry(ns, "a")).then().statusCode(204); // 6
        api.member().queryParam("against", 1).get(revisions() + "/6/diff").then()
                .body("from", equalTo(1), "to", equalTo(6))
                .body("changes.key", contains("a", "b", "c"))
                .body("changes[0].old.value", equalTo(1), "changes[0].new", nullValue())
                .body("changes[1].old", nullValue(), "changes[1].new.value", equalTo(1))
                .body("changes[2].env", equalTo("prod"), "changes[2].old", nullValue());
        api.member().queryParam("against", 6).get(revisions() + "/1/diff").then()
                .body("changes[0].key", equalTo("a"), "changes[0].old", nullValue(), "changes[0].new.value", equalTo(1));
        api.member().queryParam("against", 0).get(revisions() + "/2/diff").then().body("changes.key", contains("a", "b"));
        api.member().queryParam("against", 7).get(revisions() + "/2/diff").then().spec(Problems.notFound());
    }

    @Test
    void aRollbackRestoresTheValueExactly() {
        Map<String, Object> original = ConfigApi.body("json", Map.of("limits", List.of(1.25, 10), "name", "a"));
        original.put("schema", Map.of("type", "object", "required", List.of("name")));
        original.put("description", "the original");
        api.put(ns, "shape", null, original).statusCode(201);
        String before = api.member().get(ConfigApi.entry(ns, "shape")).then().extract().jsonPath().prettify();
        Map<String, Object> changed = ConfigApi.body("string", "replaced");
        changed.put("description", "changed");
        api.put(ns, "shape", null, changed).statusCode(200);
        api.admin().body(Map.of("message", "undo")).post(revisions() + "/1/rollback").then()
                .statusCode(201).header("Location", endsWith("/revisions/3")).header("X-Flotilla-Index", "3")
                .body("number", equalTo(3), "kind", equalTo("rollback"), "rolledBackTo", equalTo(1), "message", equalTo("undo"))
                .body("changes[0].old.value", equalTo("replaced"), "changes[0].new.type", equalTo("json"));
        String after = api.member().get(ConfigApi.entry(ns, "shape")).then().header("ETag", "\"3\"").extract().jsonPath()
                .prettify();
        assertTrue(before.contains("1.25") && before.contains("the original") && before.contains("required"), before);
        assertEquals(withoutHistory(before), withoutHistory(after));
    }

    @Test
    void aRollbackRestoresADeletedEntry() {
        api.put(ns, "port", "prod", ConfigApi.body("number", 8080)).statusCode(201);
        api.admin().queryParam("env", "prod").header("If-Match", "\"1\"").delete(ConfigApi.entry(ns, "port")).then()
                .statusCode(204);
        api.admin().post(revisions() + "/1/rollback").then().statusCode(201)
                .body("message", equalTo("Rollback to revision 1"), "changes[0].action", equalTo("create"));
        api.member().queryParam("env", "prod").get(ConfigApi.entry(ns, "port")).then()
                .statusCode(200).body("value", equalTo(8080), "env", equalTo("prod"));
    }

    @Test
    void aRollbackToADeletionDeletesTheEntryAgain() {
        api.put(ns, "port", null, ConfigApi.body("number", 1)).statusCode(201);
        api.admin().header("If-Match", "\"1\"").delete(ConfigApi.entry(ns, "port")).then().statusCode(204);
        api.put(ns, "port", null, ConfigApi.body("number", 2)).statusCode(201);
        api.admin().post(revisions() + "/2/rollback").then().statusCode(201).body("changes[0].action", equalTo("delete"));
        api.member().get(ConfigApi.entry(ns, "port")).then().spec(Problems.notFound());
    }

    @Test
    void aRollbackToTheStateTheEntriesAlreadyHaveIsAConflict() {
        api.put(ns, "port", null, ConfigApi.body("number", 1)).statusCode(201);
        api.admin().post(revisions() + "/1/rollback").then().spec(Problems.conflict());
        api.member().get(revisions()).then().body("items", hasSize(1));
    }

    @Test
    void aRollbackMayNameOnlyKeysTheRevisionChanged() {
        api.put(ns, "port", null, ConfigApi.body("number", 1)).statusCode(201);
        api.admin().body(Map.of("keys", List.of("host"))).post(revisions() + "/1/rollback").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("keys"));
    }

    @Test
    void aRollbackOfSeveralEntriesCanBeNarrowedToSomeKeys() {
        api.put(ns, "a", null, ConfigApi.body("number", 1)).statusCode(201); // 1
        api.put(ns, "b", null, ConfigApi.body("number", 1)).statusCode(201); // 2
        api.put(ns, "a", null, ConfigApi.body("number", 2)).statusCode(200); // 3
        api.put(ns, "b", null, ConfigApi.body("number", 2)).statusCode(200); // 4
        api.admin().post(revisions() + "/1/rollback").then().statusCode(201); // 5: a = 1
        api.admin().post(revisions() + "/2/rollback").then().statusCode(201); // 6: b = 1
        api.put(ns, "a", null, ConfigApi.body("number", 3)).statusCode(200); // 7
        api.put(ns, "b", null, ConfigApi.body("number", 3)).statusCode(200); // 8
        api.admin().body(Map.of("keys", List.of("b"))).post(revisions() + "/6/rollback").then()
                .statusCode(201).body("changes.key", contains("b"));
        api.member().get(ConfigApi.entry(ns, "a")).then().body("value", equalTo(3));
        api.member().get(ConfigApi.entry(ns, "b")).then().body("value", equalTo(1));
    }

    @Test
    void onlyAdminsAndServicesRollBack() {
        api.put(ns, "port", null, ConfigApi.body("number", 1)).statusCode(201);
        api.put(ns, "port", null, ConfigApi.body("number", 2)).statusCode(200);
        api.member().post(revisions() + "/1/rollback").then().spec(Problems.forbidden());
        api.service().post(revisions() + "/1/rollback").then().statusCode(201).body("author", equalTo("deployer"));
    }

    /** The entry without what a rollback must change: the revision that wrote it and when. */
    private static String withoutHistory(String json) {
        return json.replaceAll("\"(revision|updatedAt|createdAt|updatedBy)\": [^,\\n]+", "");
    }
}
