package dev.flotilla.config;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class EntryApiTest {

    private final ConfigApi api = new ConfigApi();
    private String ns;

    @BeforeEach
    void createNamespace() {
        ns = api.namespace();
    }

    @Test
    void anEntryIsCreatedWithItsLocationETagAndIndex() {
        Map<String, Object> body = ConfigApi.body("string", "jdbc:postgresql://db/app");
        body.put("description", "Where the database is");
        body.put("message", "first database");
        api.admin().queryParam("env", "prod").body(body).put(ConfigApi.entry(ns, "db.url")).then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/namespaces/" + ns + "/entries/db.url?env=prod"))
                .header("ETag", "\"1\"")
                .header("X-Flotilla-Index", "1")
                .body("key", equalTo("db.url"), "env", equalTo("prod"), "type", equalTo("string"),
                        "value", equalTo("jdbc:postgresql://db/app"), "description", equalTo("Where the database is"),
                        "secret", equalTo(false), "masked", equalTo(false), "revision", equalTo(1), "updatedBy",
                        equalTo("ada"));
        api.member().queryParam("env", "prod").get(ConfigApi.entry(ns, "db.url")).then()
                .statusCode(200).header("ETag", "\"1\"").header("X-Flotilla-Index", "1")
                .body("value", equalTo("jdbc:postgresql://db/app"), "inherited", equalTo(false));
    }

    @Test
    void anEntryWithoutEnvironmentIsTheNamespaceDefault() {
        api.admin().body(ConfigApi.body("number", 8080)).put(ConfigApi.entry(ns, "port")).then()
                .statusCode(201).header("Location", endsWith("/entries/port")).body("env", nullValue());
    }

    @Test
    void valuesReadBackAsWritten() {
        String json = "{\"zeta\":1,\"alpha\":[true,null,\"x\"],\"mid\":{\"b\":2.5,\"a\":-3}}";
        api.admin().body("{\"type\":\"json\",\"value\":" + json + "}").put(ConfigApi.entry(ns, "shape")).then().statusCode(201);
        String read = api.member().get(ConfigApi.entry(ns, "shape")).then().statusCode(200).extract().asString();
        assertEquals(true, read.contains("\"value\":" + json), read);
    }

    @Test
    void changingAnEntryWithoutIfMatchIsPreconditionRequired() {
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        api.admin().body(ConfigApi.body("number", 81)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.preconditionRequired());
        api.admin().delete(ConfigApi.entry(ns, "port")).then().spec(Problems.preconditionRequired());
    }

    @Test
    void changingAnEntryWithAStaleETagIsAPreconditionFailure() {
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201).header("ETag", "\"1\"");
        api.admin().header("If-Match", "\"1\"").body(ConfigApi.body("number", 81)).put(ConfigApi.entry(ns, "port")).then()
                .statusCode(200).header("ETag", "\"2\"").body("value", equalTo(81));
        api.admin().header("If-Match", "\"1\"").body(ConfigApi.body("number", 82)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.preconditionFailed()).body("detail", containsString("\"2\""));
        api.admin().header("If-Match", "\"1\"").delete(ConfigApi.entry(ns, "port")).then().spec(Problems.preconditionFailed());
        api.member().get(ConfigApi.entry(ns, "port")).then().body("value", equalTo(81));
    }

    @Test
    void twoConcurrentWritersOfTheSameVersionOneWinsTheOtherGetsPreconditionFailed() throws Exception {
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<ExtractableResponse<Response>>> writers = new ArrayList<>();
        for (int value : new int[] { 1, 2 }) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return api.admin().header("If-Match", "\"1\"").body(ConfigApi.body("number", value))
                        .put(ConfigApi.entry(ns, "port")).then().extract();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        Object winner = null;
        for (CompletableFuture<ExtractableResponse<Response>> writer : writers) {
            ExtractableResponse<Response> response = writer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 200) {
                winner = response.path("value");
            }
        }
        assertThat(statuses, containsInAnyOrder(200, 412));
        api.member().get(ConfigApi.entry(ns, "port")).then().header("ETag", "\"2\"").body("value", equalTo(winner));
    }

    @Test
    void ifNoneMatchStarNeverOverwritesAnEntry() {
        api.admin().header("If-None-Match", "*").body(ConfigApi.body("number", 80)).put(ConfigApi.entry(ns, "port")).then()
                .statusCode(201);
        api.admin().header("If-None-Match", "*").body(ConfigApi.body("number", 81)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.preconditionFailed());
    }

    @Test
    void ifMatchForAnEntryThatDoesNotExistIsAPreconditionFailure() {
        api.admin().header("If-Match", "\"1\"").body(ConfigApi.body("number", 80)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.preconditionFailed());
        api.member().get(ConfigApi.entry(ns, "port")).then().spec(Problems.notFound());
    }

    @Test
    void aValueOfAnotherTypeIsUnprocessable() {
        api.admin().body(ConfigApi.body("number", "80")).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].message", equalTo("must be a JSON number for an entry of type number, not a string"));
        api.admin().body(ConfigApi.body("boolean", 1)).put(ConfigApi.entry(ns, "flag")).then().spec(Problems.unprocessable());
        api.admin().body(ConfigApi.body("string", Map.of("a", 1))).put(ConfigApi.entry(ns, "name")).then()
                .spec(Problems.unprocessable());
    }

    @Test
    void aValueBreakingItsSchemaIsUnprocessableNamingTheViolation() {
        Map<String, Object> body = ConfigApi.body("json", Map.of("port", 70000));
        body.put("schema", Map.of("type", "object", "properties", Map.of("port", Map.of("type", "integer", "maximum", 65535))));
        api.admin().body(body).put(ConfigApi.entry(ns, "server")).then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("/port: must have a maximum value of 65535"));
        body.put("value", Map.of("port", 8443));
        api.admin().body(body).put(ConfigApi.entry(ns, "server")).then().statusCode(201)
                .body("schema.properties.port.maximum", equalTo(65535));
    }

    @Test
    void aSchemaThatIsNotAJsonSchemaIsUnprocessable() {
        Map<String, Object> body = ConfigApi.body("string", "x");
        body.put("schema", Map.of("type", "text"));
        api.admin().body(body).put(ConfigApi.entry(ns, "name")).then()
                .spec(Problems.unprocessable()).body("errors[0].field", equalTo("schema"));
        body.put("schema", Map.of("$ref", "https://example.com/schema.json"));
        api.admin().body(body).put(ConfigApi.entry(ns, "name")).then()
                .spec(Problems.unprocessable()).body("errors[0].field", equalTo("schema"));
    }

    @Test
    void aMissingValueOrAnUnknownTypeIsAValidationFailure() {
        api.admin().body(Map.of("type", "number")).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("value"));
        api.admin().body("{\"type\":\"number\",\"value\":null}").put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("value"));
        api.admin().body(ConfigApi.body("integer", 1)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("type"));
        api.admin().body(Map.of("value", 1)).put(ConfigApi.entry(ns, "port")).then().spec(Problems.validationFailed());
    }

    @Test
    void aMalformedKeyOrEnvironmentIsAValidationFailure() {
        api.admin().body(ConfigApi.body("number", 1)).put(ConfigApi.entry(ns, ".hidden")).then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("key"));
        api.admin().queryParam("env", "Prod!").body(ConfigApi.body("number", 1)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("env"));
    }

    @Test
    void anEntryInAMissingNamespaceOrEnvironmentIsNotFound() {
        api.admin().body(ConfigApi.body("number", 1)).put(ConfigApi.entry("no-such-namespace", "port")).then()
                .spec(Problems.notFound());
        api.admin().queryParam("env", "qa").body(ConfigApi.body("number", 1)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.notFound()).body("detail", containsString("environment qa"));
        api.member().queryParam("env", "qa").get(ConfigApi.entry(ns, "port")).then().spec(Problems.notFound());
    }

    @Test
    void anEnvironmentWithoutItsOwnEntryFallsBackToTheNamespaceDefault() {
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        api.member().queryParam("env", "prod").get(ConfigApi.entry(ns, "port")).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("value", equalTo(80), "env", nullValue(), "inherited", equalTo(true));
        api.put(ns, "port", "prod", ConfigApi.body("number", 443)).statusCode(201);
        api.member().queryParam("env", "prod").get(ConfigApi.entry(ns, "port")).then()
                .body("value", equalTo(443), "env", equalTo("prod"), "inherited", equalTo(false));
        api.member().queryParam("env", "dev").get(ConfigApi.entry(ns, "port")).then().body("value", equalTo(80));
        api.member().get(ConfigApi.entry(ns, "port")).then().body("value", equalTo(80), "inherited", equalTo(false));
    }

    @Test
    void aDeletedEntryIsNotFoundAndItsEnvironmentFallsBackAgain() {
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        api.put(ns, "port", "prod", ConfigApi.body("number", 443)).statusCode(201);
        api.admin().queryParam("env", "prod").queryParam("message", "back to the default").header("If-Match", "\"2\"")
                .delete(ConfigApi.entry(ns, "port")).then().statusCode(204).header("X-Flotilla-Index", "3");
        api.member().queryParam("env", "prod").get(ConfigApi.entry(ns, "port")).then().body("value", equalTo(80));
        api.admin().queryParam("env", "prod").header("If-Match", "\"2\"").delete(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.notFound());
    }

    @Test
    void entriesAreListedByKeyAndLayerAPageAtATime() {
        api.put(ns, "b", null, ConfigApi.body("number", 1)).statusCode(201);
        api.put(ns, "a", "prod", ConfigApi.body("number", 2)).statusCode(201);
        api.put(ns, "a", null, ConfigApi.body("number", 3)).statusCode(201);
        String next = api.member().queryParam("limit", 2).get("/api/v1/namespaces/" + ns + "/entries").then()
                .statusCode(200).header("X-Flotilla-Index", "3")
                .body("items.key", contains("a", "a"), "items.env", contains(null, "prod"))
                .extract().path("nextCursor");
        api.member().queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/namespaces/" + ns + "/entries").then()
                .body("items.key", contains("b"), "nextCursor", nullValue());
        api.member().queryParam("env", "prod").get("/api/v1/namespaces/" + ns + "/entries").then()
                .body("items.value", contains(2));
    }

    @Test
    void membersReadEntriesButOnlyAdminsAndServicesWriteThem() {
        api.member().body(ConfigApi.body("number", 1)).put(ConfigApi.entry(ns, "port")).then().spec(Problems.forbidden());
        api.service().body(ConfigApi.body("number", 1)).put(ConfigApi.entry(ns, "port")).then().statusCode(201);
        api.member().header("If-Match", "\"1\"").delete(ConfigApi.entry(ns, "port")).then().spec(Problems.forbidden());
        api.service().header("If-Match", "\"1\"").delete(ConfigApi.entry(ns, "port")).then().statusCode(204);
    }
}
