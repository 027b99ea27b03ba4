package dev.flotilla.config;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class NamespaceApiTest {

    private final ConfigApi api = new ConfigApi();

    @Test
    void aNamespaceIsCreatedWithItsLocationAndReadByMembers() {
        api.admin().body(Map.of("name", "billing", "description", "Billing settings")).post("/api/v1/namespaces").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/namespaces/billing"))
                .body("name", equalTo("billing"), "description", equalTo("Billing settings"), "createdBy", equalTo("ada"),
                        "index", equalTo(0));
        api.member().get("/api/v1/namespaces/billing").then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .header("X-Flotilla-Index", "0")
                .body("name", equalTo("billing"), "createdAt", notNullValue());
    }

    @Test
    void aServiceMayCreateANamespace() {
        api.service().body(Map.of("name", "deployed")).post("/api/v1/namespaces").then()
                .statusCode(201).body("description", nullValue());
    }

    @Test
    void aSecondNamespaceOfTheSameNameIsAConflict() {
        String name = api.namespace();
        api.admin().body(Map.of("name", name)).post("/api/v1/namespaces").then().spec(Problems.conflict());
    }

    @Test
    void aMalformedNameIsAValidationFailureNamingTheField() {
        for (String bad : List.of("", "has space", "-leading", "slash/inside", "é")) {
            api.admin().body(Map.of("name", bad)).post("/api/v1/namespaces").then()
                    .spec(Problems.validationFailed()).body("errors[0].field", equalTo("name"));
        }
    }

    @Test
    void namespacesAreListedByNameAPageAtATime() {
        for (String name : List.of("c", "a", "b")) {
            api.admin().body(Map.of("name", name)).post("/api/v1/namespaces").then().statusCode(201);
        }
        String next = api.member().queryParam("limit", 2).get("/api/v1/namespaces").then()
                .statusCode(200).body("items.name", contains("a", "b")).extract().path("nextCursor");
        api.member().queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/namespaces").then()
                .statusCode(200).body("items.name", contains("c"), "nextCursor", nullValue());
    }

    @Test
    void deletingANamespaceDeletesItsEntriesAndHistory() {
        String ns = api.namespace();
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        api.admin().delete("/api/v1/namespaces/" + ns).then().statusCode(204);
        api.member().get("/api/v1/namespaces/" + ns).then().spec(Problems.notFound());
        api.admin().body(Map.of("name", ns)).post("/api/v1/namespaces").then().statusCode(201).body("index", equalTo(0));
        api.member().get(ConfigApi.entry(ns, "port")).then().spec(Problems.notFound());
        api.member().get("/api/v1/namespaces/" + ns + "/revisions").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void deletingWithAStaleIfMatchIsAPreconditionFailure() {
        String ns = api.namespace();
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        api.admin().header("If-Match", "\"0\"").delete("/api/v1/namespaces/" + ns).then().spec(Problems.preconditionFailed());
        api.admin().header("If-Match", "\"1\"").delete("/api/v1/namespaces/" + ns).then().statusCode(204);
    }

    @Test
    void membersReadButNeitherCreateNorDeleteNamespaces() {
        String ns = api.namespace();
        api.member().body(Map.of("name", "mine")).post("/api/v1/namespaces").then().spec(Problems.forbidden());
        api.member().delete("/api/v1/namespaces/" + ns).then().spec(Problems.forbidden());
    }

    @Test
    void viewersCannotReadConfiguration() {
        String ns = api.namespace();
        Requests.as(api.tenant, "viewer").get("/api/v1/namespaces/" + ns).then().spec(Problems.forbidden());
        Requests.as(api.tenant, "viewer").get("/api/v1/namespaces/" + ns + "/resolved").then().spec(Problems.forbidden());
    }

    @Test
    void anotherTenantsNamespaceIsNotFound() {
        String ns = api.namespace();
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        ConfigApi stranger = new ConfigApi();
        stranger.member().get("/api/v1/namespaces/" + ns).then().spec(Problems.notFound());
        stranger.admin().delete("/api/v1/namespaces/" + ns).then().spec(Problems.notFound());
        stranger.member().get(ConfigApi.entry(ns, "port")).then().spec(Problems.notFound());
        stranger.member().get("/api/v1/namespaces/" + ns + "/entries").then().spec(Problems.notFound());
        stranger.member().get("/api/v1/namespaces/" + ns + "/resolved").then().spec(Problems.notFound());
        stranger.member().get("/api/v1/namespaces/" + ns + "/revisions").then().spec(Problems.notFound());
        stranger.member().get("/api/v1/namespaces/" + ns + "/revisions/1").then().spec(Problems.notFound());
        stranger.admin().post("/api/v1/namespaces/" + ns + "/revisions/1/rollback").then().spec(Problems.notFound());
        stranger.admin().body(ConfigApi.body("number", 1)).put(ConfigApi.entry(ns, "port")).then().spec(Problems.notFound());
        stranger.admin().header("If-Match", "\"1\"").delete(ConfigApi.entry(ns, "port")).then().spec(Problems.notFound());
        api.member().get(ConfigApi.entry(ns, "port")).then().statusCode(200).body("value", equalTo(80));
    }
}
