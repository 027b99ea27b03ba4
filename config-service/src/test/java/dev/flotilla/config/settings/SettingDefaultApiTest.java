package dev.flotilla.config.settings;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The tenant's defaults over HTTP: {@code /api/v1/settings-defaults}. */
@QuarkusTest
class SettingDefaultApiTest {

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    @Test
    void anAdminSetsReadsReplacesAndDeletesADefault() {
        admin().body("{\"model\": \"small\"}").put("/api/v1/settings-defaults/llm/chat").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/settings-defaults/llm/chat"))
                .header("ETag", notNullValue())
                .body("category", equalTo("llm"), "key", equalTo("chat"), "value.model", equalTo("small"),
                        "updatedBy", equalTo("root"), "updatedAt", notNullValue());
        admin().body("{\"model\": \"large\"}").put("/api/v1/settings-defaults/llm/chat").then()
                .statusCode(200).body("value.model", equalTo("large"));
        Requests.as("ada", tenant, "member").get("/api/v1/settings-defaults/llm/chat").then()
                .statusCode(200).body("value.model", equalTo("large"));
        admin().delete("/api/v1/settings-defaults/llm/chat").then().statusCode(204);
        admin().get("/api/v1/settings-defaults/llm/chat").then().spec(Problems.notFound());
        admin().delete("/api/v1/settings-defaults/llm/chat").then().spec(Problems.notFound());
    }

    @Test
    void aDefaultsETagIsTheOneItsUsersSeeAndAStaleOneIsRefused() {
        String tag = admin().body("4").put("/api/v1/settings-defaults/editor/tabSize").then().extract().header("ETag");
        Requests.as("ada", tenant, "member").get("/api/v1/settings/editor/tabSize").then()
                .header("ETag", tag).body("source", equalTo("tenant"));
        admin().header("If-Match", tag).body("8").put("/api/v1/settings-defaults/editor/tabSize").then().statusCode(200);
        admin().header("If-Match", tag).body("2").put("/api/v1/settings-defaults/editor/tabSize").then()
                .spec(Problems.preconditionFailed());
        admin().header("If-Match", tag).delete("/api/v1/settings-defaults/editor/tabSize").then()
                .spec(Problems.preconditionFailed());
        admin().header("If-Match", "\"no-such-version\"").body("1").put("/api/v1/settings-defaults/editor/indent").then()
                .spec(Problems.preconditionFailed());
    }

    @Test
    void onlyAnAdminChangesDefaults() {
        Requests.as("ada", tenant, "member").body("4").put("/api/v1/settings-defaults/editor/tabSize").then()
                .spec(Problems.forbidden());
        admin().body("4").put("/api/v1/settings-defaults/editor/tabSize").then().statusCode(201);
        Requests.as("ada", tenant, "member").delete("/api/v1/settings-defaults/editor/tabSize").then()
                .spec(Problems.forbidden());
    }

    @Test
    void aDefaultIsCheckedAsAUsersValueIs() {
        admin().body("null").put("/api/v1/settings-defaults/editor/tabSize").then().spec(Problems.validationFailed());
        admin().body("1").put("/api/v1/settings-defaults/editor/Tab Size").then().spec(Problems.validationFailed());
        admin().body("\"" + "x".repeat(64 * 1024) + "\"").put("/api/v1/settings-defaults/editor/notes").then()
                .spec(Problems.payloadTooLarge());
        admin().body("1").put("/api/v1/settings-defaults/keyboard/layout").then().spec(Problems.notFound());
    }
}
