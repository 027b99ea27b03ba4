package dev.flotilla.config;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EnvironmentApiTest {

    private final ConfigApi api = new ConfigApi();

    @Test
    void everyTenantHasDevStagingAndProd() {
        api.member().get("/api/v1/environments").then()
                .statusCode(200)
                .body("items.name", contains("dev", "prod", "staging"), "items.builtIn", contains(true, true, true));
    }

    @Test
    void anAdminDefinesAnEnvironmentListedWithTheOthers() {
        api.admin().body(Map.of("name", "qa", "description", "Quality assurance")).post("/api/v1/environments").then()
                .statusCode(201).header("Location", endsWith("/api/v1/environments/qa"))
                .body("name", equalTo("qa"), "builtIn", equalTo(false), "createdBy", equalTo("ada"));
        api.member().get("/api/v1/environments/qa").then().statusCode(200).body("description", equalTo("Quality assurance"));
        String next = api.member().queryParam("limit", 3).get("/api/v1/environments").then()
                .body("items.name", contains("dev", "prod", "qa")).extract().path("nextCursor");
        api.member().queryParam("cursor", next).get("/api/v1/environments").then()
                .body("items.name", contains("staging"), "nextCursor", nullValue());
    }

    @Test
    void entriesMayBeKeptInADefinedEnvironment() {
        api.admin().body(Map.of("name", "qa")).post("/api/v1/environments").then().statusCode(201);
        String ns = api.namespace();
        api.put(ns, "port", "qa", ConfigApi.body("number", 1)).statusCode(201).body("env", equalTo("qa"));
    }

    @Test
    void builtInEnvironmentsCannotBeCreatedOrDeleted() {
        api.admin().body(Map.of("name", "prod")).post("/api/v1/environments").then().spec(Problems.conflict());
        api.admin().delete("/api/v1/environments/prod").then().spec(Problems.conflict());
    }

    @Test
    void aSecondEnvironmentOfTheSameNameIsAConflict() {
        api.admin().body(Map.of("name", "qa")).post("/api/v1/environments").then().statusCode(201);
        api.admin().body(Map.of("name", "qa")).post("/api/v1/environments").then().spec(Problems.conflict());
    }

    @Test
    void aMalformedNameIsAValidationFailure() {
        api.admin().body(Map.of("name", "QA")).post("/api/v1/environments").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("name"));
    }

    @Test
    void anEnvironmentThatHoldsEntriesCannotBeDeletedUntilTheyAreGone() {
        api.admin().body(Map.of("name", "qa")).post("/api/v1/environments").then().statusCode(201);
        String ns = api.namespace();
        api.put(ns, "port", "qa", ConfigApi.body("number", 1)).statusCode(201);
        api.admin().delete("/api/v1/environments/qa").then().spec(Problems.conflict());
        api.admin().queryParam("env", "qa").header("If-Match", "\"1\"").delete(ConfigApi.entry(ns, "port")).then()
                .statusCode(204);
        api.admin().delete("/api/v1/environments/qa").then().statusCode(204);
        api.member().get("/api/v1/environments/qa").then().spec(Problems.notFound());
        api.put(ns, "port", "qa", ConfigApi.body("number", 1)).spec(Problems.notFound());
    }

    @Test
    void onlyAdminsDefineOrDeleteEnvironments() {
        api.member().body(Map.of("name", "qa")).post("/api/v1/environments").then().spec(Problems.forbidden());
        api.service().body(Map.of("name", "qa")).post("/api/v1/environments").then().spec(Problems.forbidden());
        api.admin().body(Map.of("name", "qa")).post("/api/v1/environments").then().statusCode(201);
        api.member().delete("/api/v1/environments/qa").then().spec(Problems.forbidden());
    }

    @Test
    void anotherTenantsEnvironmentIsNotFound() {
        api.admin().body(Map.of("name", "qa")).post("/api/v1/environments").then().statusCode(201);
        ConfigApi stranger = new ConfigApi();
        stranger.member().get("/api/v1/environments/qa").then().spec(Problems.notFound());
        stranger.admin().delete("/api/v1/environments/qa").then().spec(Problems.notFound());
        String theirs = stranger.namespace();
        stranger.put(theirs, "port", "qa", ConfigApi.body("number", 1)).spec(Problems.notFound());
        stranger.member().get("/api/v1/environments").then().body("items.name", contains("dev", "prod", "staging"));
    }
}
