package dev.flotilla.config.flag;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Flags, API keys and OFREP live in environments the tenant has: the built-in ones and those it defines. */
@QuarkusTest
class FlagEnvironmentApiTest {

    private static final String BULK = "/ofrep/v1/evaluate/flags";

    private final UUID tenant = UUID.randomUUID();
    private final String defined = "qa-" + UUID.randomUUID().toString().substring(0, 8);

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private RequestSpecification evaluator(String env) {
        return Requests.as(tenant, "viewer").header("X-Flotilla-Env", env).body(Map.of("context", Map.of()));
    }

    private void define(String name) {
        admin().body(Map.of("name", name)).post("/api/v1/environments").then().statusCode(201);
    }

    @Test
    void aFlagOfAnEnvironmentTheTenantDoesNotHaveIsNotFoundNamingIt() {
        admin().body(booleanFlag(true)).put("/api/v1/flags/x?env=" + defined).then().spec(Problems.notFound())
                .body("detail", containsString(defined));
        admin().get("/api/v1/flags/x?env=" + defined).then().spec(Problems.notFound()).body("detail", containsString(defined));
        admin().get("/api/v1/flags?env=" + defined).then().spec(Problems.notFound()).body("detail", containsString(defined));
    }

    @Test
    void anEnvironmentTheTenantDefinedHoldsFlags() {
        define(defined);
        admin().body(booleanFlag(true)).put("/api/v1/flags/x?env=" + defined).then().statusCode(201);
        admin().get("/api/v1/flags?env=" + defined).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anotherTenantsEnvironmentIsNotOneOfThisTenants() {
        Requests.as("eve", UUID.randomUUID(), "admin").body(Map.of("name", defined)).post("/api/v1/environments").then()
                .statusCode(201);
        admin().body(booleanFlag(true)).put("/api/v1/flags/x?env=" + defined).then().spec(Problems.notFound());
    }

    @Test
    void anApiKeyIsOnlyForAnEnvironmentTheTenantHas() {
        admin().body(Map.of("name", "web", "environment", defined)).post("/api/v1/api-keys").then()
                .spec(Problems.notFound()).body("detail", containsString(defined));
        define(defined);
        admin().body(Map.of("name", "web", "environment", defined)).post("/api/v1/api-keys").then().statusCode(201)
                .body("environment", equalTo(defined));
    }

    @Test
    void ofrepAnswersAnUnknownEnvironmentWithA404InItsErrorShapeUntilTheEnvironmentIsCreated() {
        evaluator(defined).post(BULK).then().spec(Problems.notFound())
                .body("errorCode", equalTo("GENERAL"), "errorDetails", containsString(defined));
        evaluator(defined).post(BULK + "/x").then().spec(Problems.notFound())
                .body("key", equalTo("x"), "errorCode", equalTo("GENERAL"), "errorDetails", containsString(defined));
        define(defined);
        evaluator(defined).post(BULK).then().statusCode(200).body("flags", hasSize(0));
        evaluator(defined).post(BULK + "/x").then().statusCode(404).body("errorCode", equalTo("FLAG_NOT_FOUND"));
    }

    @Test
    void anEnvironmentHoldingFlagsOrKeysCannotBeDeletedAndOnceDeletedOfrepNoLongerKnowsIt() {
        define(defined);
        String etag = admin().body(booleanFlag(true)).put("/api/v1/flags/x?env=" + defined).then().statusCode(201).extract()
                .header("ETag");
        evaluator(defined).post(BULK).then().statusCode(200).body("flags", hasSize(1));
        admin().delete("/api/v1/environments/" + defined).then().spec(Problems.conflict());
        admin().header("If-Match", etag).delete("/api/v1/flags/x?env=" + defined).then().statusCode(204);
        String key = admin().body(Map.of("name", "web", "environment", defined)).post("/api/v1/api-keys").then()
                .statusCode(201).extract().path("id");
        admin().delete("/api/v1/environments/" + defined).then().spec(Problems.conflict());
        admin().delete("/api/v1/api-keys/" + key).then().statusCode(204);
        admin().delete("/api/v1/environments/" + defined).then().statusCode(204);
        evaluator(defined).post(BULK).then().spec(Problems.notFound()).body("errorCode", equalTo("GENERAL"));
    }
}
