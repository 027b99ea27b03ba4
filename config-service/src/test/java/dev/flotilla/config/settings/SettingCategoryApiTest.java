package dev.flotilla.config.settings;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Settings categories over HTTP: {@code /api/v1/settings-categories}, and settings in a tenant's own category. */
@QuarkusTest
class SettingCategoryApiTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private RequestSpecification ada() {
        return Requests.as("ada", tenant, "member");
    }

    private void create(String name, Map<String, Object> schema) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "description", "Settings of " + name));
        if (schema != null) {
            body.put("schema", schema);
        }
        admin().body(body).post("/api/v1/settings-categories").then().statusCode(201);
    }

    @Test
    void aTenantsCategoryIsCreatedAndHoldsSettings() {
        admin().body(Map.of("name", "notebook", "description", "The notebook")).post("/api/v1/settings-categories").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/settings-categories/notebook"))
                .body("name", equalTo("notebook"), "description", equalTo("The notebook"), "builtIn", equalTo(false),
                        "schema", nullValue(), "createdBy", equalTo("root"), "createdAt", notNullValue());
        ada().get("/api/v1/settings-categories/notebook").then().statusCode(200).body("name", equalTo("notebook"));
        ada().body("true").put("/api/v1/settings/notebook/autosave").then().statusCode(201);
        ada().get("/api/v1/settings/notebook").then().body("values.autosave", equalTo(true));
    }

    @Test
    void theListHoldsTheBuiltInAndTheTenantsCategoriesInNameOrderPageByPage() {
        create("alpha", null);
        create("zulu", null);
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = ada().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/settings-categories").then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("items.name"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("alpha", "editor", "llm", "terminal", "theme", "workspace", "zulu"), names);
        ada().get("/api/v1/settings-categories/editor").then().body("builtIn", equalTo(true), "description", notNullValue());
    }

    @Test
    void aBuiltInNameCannotBeTakenOrDeletedAndANameOnlyOnce() {
        admin().body(Map.of("name", "editor")).post("/api/v1/settings-categories").then().spec(Problems.conflict());
        admin().delete("/api/v1/settings-categories/editor").then().spec(Problems.conflict());
        create("notebook", null);
        admin().body(Map.of("name", "notebook")).post("/api/v1/settings-categories").then().spec(Problems.conflict());
    }

    @Test
    void aMalformedNameIsRefused() {
        for (String name : List.of("Notebook", "note book", "9th", "note.book", "a".repeat(41))) {
            admin().body(Map.of("name", name)).post("/api/v1/settings-categories").then()
                    .spec(Problems.validationFailed()).body("errors[0].field", containsString("name"));
        }
    }

    @Test
    void aDescriptionThatIsNotValidUnicodeIsRefused() {
        admin().body("{\"name\": \"notebook\", \"description\": \"a\\ud800b\"}").post("/api/v1/settings-categories").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("description"));
    }

    @Test
    void onlyAnAdminCreatesOrDeletesCategories() {
        ada().body(Map.of("name", "notebook")).post("/api/v1/settings-categories").then().spec(Problems.forbidden());
        create("notebook", null);
        ada().delete("/api/v1/settings-categories/notebook").then().spec(Problems.forbidden());
    }

    @Test
    void everyValueOfACategoryWithASchemaMustSatisfyIt() {
        create("fonts", Map.of("type", "object", "properties", Map.of("size", Map.of("type", "integer", "minimum", 6)),
                "required", List.of("size")));
        ada().body("{\"size\": 12}").put("/api/v1/settings/fonts/body").then().statusCode(201);
        ada().body("{\"size\": 2}").put("/api/v1/settings/fonts/code").then()
                .spec(Problems.unprocessable()).body("errors[0].field", equalTo("value/size"));
        ada().contentType(MERGE_PATCH).body("{\"body\": {\"size\": null}}").patch("/api/v1/settings/fonts").then()
                .spec(Problems.unprocessable()).body("errors[0].field", equalTo("body"));
        admin().body("\"big\"").put("/api/v1/settings-defaults/fonts/body").then().spec(Problems.unprocessable());
        ada().get("/api/v1/settings/fonts/body").then().body("value.size", equalTo(12));
    }

    @Test
    void aSchemaThatIsNotAJsonSchemaIsRefused() {
        admin().body(Map.of("name", "fonts", "schema", Map.of("type", "text"))).post("/api/v1/settings-categories").then()
                .spec(Problems.unprocessable());
        admin().body(Map.of("name", "fonts", "schema", List.of(1))).post("/api/v1/settings-categories").then()
                .spec(Problems.unprocessable());
        admin().body(Map.of("name", "fonts", "schema", Map.of("$ref", "http://169.254.169.254/latest/meta-data")))
                .post("/api/v1/settings-categories").then().spec(Problems.unprocessable());
        ada().get("/api/v1/settings-categories/fonts").then().spec(Problems.notFound());
    }

    @Test
    void deletingACategoryDeletesEverySettingAndDefaultInIt() {
        create("notebook", null);
        ada().body("true").put("/api/v1/settings/notebook/autosave").then().statusCode(201);
        admin().body("\"dark\"").put("/api/v1/settings-defaults/notebook/cells").then().statusCode(201);
        admin().delete("/api/v1/settings-categories/notebook").then().statusCode(204);
        ada().get("/api/v1/settings/notebook").then().spec(Problems.notFound());
        ada().get("/api/v1/settings").then().body("categories", anEmptyMap());
        create("notebook", null);
        ada().get("/api/v1/settings/notebook").then().statusCode(200).body("values", anEmptyMap());
        admin().delete("/api/v1/settings-categories/nothing").then().spec(Problems.notFound());
    }

    @Test
    void anotherTenantsCategoryIsUnknown() {
        create("notebook", null);
        UUID elsewhere = UUID.randomUUID();
        Requests.as("ada", elsewhere, "member").get("/api/v1/settings-categories/notebook").then().spec(Problems.notFound());
        Requests.as("ada", elsewhere, "member").body("1").put("/api/v1/settings/notebook/autosave").then()
                .spec(Problems.notFound()).body("detail", containsString("editor, llm, terminal, theme, workspace"));
        Requests.as("root", elsewhere, "admin").delete("/api/v1/settings-categories/notebook").then()
                .spec(Problems.notFound());
        Requests.as("ada", elsewhere, "member").queryParam("limit", 500).get("/api/v1/settings-categories").then()
                .body("items.name", contains("editor", "llm", "terminal", "theme", "workspace"));
    }
}
