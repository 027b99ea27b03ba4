package dev.flotilla.config.apikey;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ApiKeyApiTest {

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private ValidatableResponse create(String environment) {
        return admin().body(Map.of("name", "web app", "environment", environment)).post("/api/v1/api-keys").then();
    }

    private static ValidatableResponse evaluate(String key, String flag) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of("context", Map.of()))
                .post("/ofrep/v1/evaluate/flags/" + flag).then();
    }

    @Test
    void theSecretIsShownOnceWhenTheKeyIsCreated() {
        ValidatableResponse created = create("prod");
        String id = Responses.created(created);
        String secret = created.body("key", startsWith("flk_"), "environment", equalTo("prod"), "createdBy", equalTo("root"))
                .extract().path("key");
        admin().get("/api/v1/api-keys/" + id).then().statusCode(200)
                .body("key", nullValue(), "prefix", equalTo(secret.substring(0, 12)), "revokedAt", nullValue());
        admin().get("/api/v1/api-keys").then().body("items.find { it.id == '" + id + "' }.key", nullValue());
    }

    @Test
    void aKeyEvaluatesItsEnvironmentsFlags() {
        admin().body(booleanFlag(true)).put("/api/v1/flags/keyed?env=staging").then().statusCode(201);
        String secret = create("staging").statusCode(201).extract().path("key");
        evaluate(secret, "keyed").statusCode(200).body("value", equalTo(false), "reason", equalTo("STATIC"));
        String prodKey = create("prod").statusCode(201).extract().path("key");
        evaluate(prodKey, "keyed").statusCode(404).body("errorCode", equalTo("FLAG_NOT_FOUND"));
    }

    @Test
    void aRevokedKeyIsUnauthorized() {
        admin().body(booleanFlag(true)).put("/api/v1/flags/revocable?env=prod").then().statusCode(201);
        ValidatableResponse created = create("prod");
        String id = Responses.created(created);
        String secret = created.extract().path("key");
        evaluate(secret, "revocable").statusCode(200);
        admin().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        evaluate(secret, "revocable").spec(Problems.unauthorized());
        admin().get("/api/v1/api-keys/" + id).then().body("revokedAt", notNullValue(), "revokedBy", equalTo("root"));
    }

    @Test
    void anUnknownKeyIsUnauthorized() {
        evaluate("flk_" + "x".repeat(43), "anything").spec(Problems.unauthorized());
    }

    @Test
    void aKeyOpensNothingButOfrep() {
        String secret = create("prod").statusCode(201).extract().path("key");
        given().header("X-API-Key", secret).get("/api/v1/flags?env=prod").then().spec(Problems.unauthorized());
        given().header("X-API-Key", secret).get("/api/v1/caller").then().spec(Problems.unauthorized());
    }

    @Test
    void onlyAdminsManageKeys() {
        Requests.as(tenant, "member").body(Map.of("name", "x", "environment", "prod")).post("/api/v1/api-keys").then()
                .spec(Problems.forbidden());
        Requests.as(tenant, "member").get("/api/v1/api-keys").then().spec(Problems.forbidden());
    }

    @Test
    void aKeyNeedsAnEnvironmentsName() {
        admin().body(Map.of("name", "x", "environment", "Prod")).post("/api/v1/api-keys").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("environment"));
    }

    @Test
    void anotherTenantsKeyIsNotFound() {
        String id = Responses.created(create("prod"));
        Requests.as(UUID.randomUUID(), "admin").get("/api/v1/api-keys/" + id).then().spec(Problems.notFound());
        Requests.as(UUID.randomUUID(), "admin").delete("/api/v1/api-keys/" + id).then().spec(Problems.notFound());
        admin().get("/api/v1/api-keys/" + id).then().body("revokedAt", not(notNullValue()));
    }
}
