package dev.flotilla.config.settings;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The caller's own settings over HTTP: {@code /api/v1/settings}. */
@QuarkusTest
class SettingApiTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification ada() {
        return Requests.as("ada", tenant, "member");
    }

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private void put(RequestSpecification as, String path, String json) {
        as.body(json).put(path).then().statusCode(oneOf(200, 201));
    }

    @Test
    void aSettingIsCreatedReadReplacedAndDeleted() {
        ada().body("14").put("/api/v1/settings/editor/fontSize").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/settings/editor/fontSize"))
                .header("ETag", notNullValue())
                .body("category", equalTo("editor"), "key", equalTo("fontSize"), "value", equalTo(14),
                        "source", equalTo("user"), "updatedAt", notNullValue());
        ada().get("/api/v1/settings/editor/fontSize").then()
                .statusCode(200).header("ETag", notNullValue()).body("value", equalTo(14), "source", equalTo("user"));
        ada().body("16").put("/api/v1/settings/editor/fontSize").then().statusCode(200).body("value", equalTo(16));
        ada().delete("/api/v1/settings/editor/fontSize").then().statusCode(204);
        ada().get("/api/v1/settings/editor/fontSize").then().spec(Problems.notFound());
        ada().delete("/api/v1/settings/editor/fontSize").then().spec(Problems.notFound());
    }

    @Test
    void aValueIsAnyJsonButNull() {
        put(ada(), "/api/v1/settings/theme/colors", "{\"accent\": \"#ff8800\", \"contrast\": [1, 2.5]}");
        put(ada(), "/api/v1/settings/theme/recent", "[\"solarized\", \"nord\"]");
        put(ada(), "/api/v1/settings/theme/name", "\"nord\"");
        put(ada(), "/api/v1/settings/theme/dark", "true");
        ada().get("/api/v1/settings/theme").then().statusCode(200)
                .body("values.colors.accent", equalTo("#ff8800"), "values.colors.contrast[1]", equalTo(2.5f),
                        "values.recent[1]", equalTo("nord"), "values.name", equalTo("nord"), "values.dark", equalTo(true));
        ada().body("null").put("/api/v1/settings/theme/name").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("value"));
        ada().get("/api/v1/settings/theme/name").then().body("value", equalTo("nord"));
    }

    @Test
    void allSettingsAreGroupedByCategoryAndFilteredByOne() {
        put(ada(), "/api/v1/settings/editor/tabSize", "2");
        put(ada(), "/api/v1/settings/terminal/shell", "\"zsh\"");
        ada().get("/api/v1/settings").then().statusCode(200)
                .body("categories", aMapWithSize(2))
                .body("categories.editor.values.tabSize", equalTo(2), "categories.terminal.values.shell", equalTo("zsh"))
                .body("categories.terminal.sources.shell", equalTo("user"));
        ada().queryParam("category", "terminal").get("/api/v1/settings").then().statusCode(200)
                .body("categories", aMapWithSize(1), "categories.terminal.values.shell", equalTo("zsh"));
        ada().queryParam("category", "llm").get("/api/v1/settings").then().statusCode(200)
                .body("categories.llm.values", anEmptyMap());
    }

    @Test
    void aMergePatchAddsReplacesAndRemovesKeys() {
        put(ada(), "/api/v1/settings/editor/fontSize", "14");
        put(ada(), "/api/v1/settings/editor/minimap", "true");
        ada().contentType(MERGE_PATCH).body("{\"fontSize\": 16, \"minimap\": null, \"wordWrap\": \"on\"}")
                .patch("/api/v1/settings/editor").then()
                .statusCode(200).header("ETag", notNullValue())
                .body("values.fontSize", equalTo(16), "values.wordWrap", equalTo("on"), "values", not(hasKey("minimap")));
        ada().get("/api/v1/settings/editor").then()
                .body("values", aMapWithSize(2), "values.fontSize", equalTo(16), "values.wordWrap", equalTo("on"));
    }

    @Test
    void aMergePatchMergesNestedObjects() {
        put(ada(), "/api/v1/settings/llm/chat", "{\"model\": \"small\", \"temperature\": 0.2, \"stop\": [\"END\"]}");
        ada().contentType(MERGE_PATCH)
                .body("{\"chat\": {\"model\": \"large\", \"temperature\": null, \"tools\": {\"web\": true}}}")
                .patch("/api/v1/settings/llm").then().statusCode(200);
        ada().get("/api/v1/settings/llm/chat").then()
                .body("value", aMapWithSize(3))
                .body("value.model", equalTo("large"), "value.stop[0]", equalTo("END"), "value.tools.web", equalTo(true));
    }

    @Test
    void aPatchThatIsNotAnObjectOfKeysIsRefused() {
        ada().contentType(MERGE_PATCH).body("[1]").patch("/api/v1/settings/editor").then().spec(Problems.unprocessable());
        ada().contentType(MERGE_PATCH).body("{\"Bad Key\": 1}").patch("/api/v1/settings/editor").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("Bad Key"));
    }

    @Test
    void aTenantDefaultAppliesUntilTheUserSetsTheirOwnAndAgainWhenTheyDeleteIt() {
        put(admin(), "/api/v1/settings-defaults/theme/name", "\"solarized\"");
        ada().get("/api/v1/settings/theme/name").then()
                .statusCode(200).body("value", equalTo("solarized"), "source", equalTo("tenant"));
        put(ada(), "/api/v1/settings/theme/name", "\"nord\"");
        ada().get("/api/v1/settings/theme/name").then().body("value", equalTo("nord"), "source", equalTo("user"));
        ada().get("/api/v1/settings/theme").then().body("sources.name", equalTo("user"));
        ada().delete("/api/v1/settings/theme/name").then().statusCode(204);
        ada().get("/api/v1/settings/theme/name").then().body("value", equalTo("solarized"), "source", equalTo("tenant"));
    }

    @Test
    void aMergePatchOfADefaultedKeyStartsFromTheDefaultAndRemovingItBringsTheDefaultBack() {
        put(admin(), "/api/v1/settings-defaults/terminal/font", "{\"family\": \"Iosevka\", \"size\": 12}");
        ada().contentType(MERGE_PATCH).body("{\"font\": {\"size\": 14}}").patch("/api/v1/settings/terminal").then()
                .statusCode(200).body("values.font.family", equalTo("Iosevka"), "values.font.size", equalTo(14),
                        "sources.font", equalTo("user"));
        ada().contentType(MERGE_PATCH).body("{\"font\": null}").patch("/api/v1/settings/terminal").then()
                .statusCode(200).body("values.font.size", equalTo(12), "sources.font", equalTo("tenant"));
    }

    @Test
    void aSourceFilterShowsOnlyTheUsersOwnOrOnlyTheTenantsValues() {
        put(admin(), "/api/v1/settings-defaults/workspace/layout", "\"grid\"");
        put(ada(), "/api/v1/settings/workspace/panels", "[\"files\"]");
        ada().queryParam("source", "user").get("/api/v1/settings/workspace").then()
                .body("values", aMapWithSize(1), "values.panels[0]", equalTo("files"));
        ada().queryParam("source", "tenant").get("/api/v1/settings/workspace").then()
                .body("values", aMapWithSize(1), "values.layout", equalTo("grid"));
        ada().queryParam("source", "user").get("/api/v1/settings/workspace/layout").then().spec(Problems.notFound());
        ada().queryParam("source", "user").get("/api/v1/settings").then()
                .body("categories.workspace.values", aMapWithSize(1));
        ada().queryParam("source", "everyone").get("/api/v1/settings").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("source"));
    }

    @Test
    void twoUsersOfOneTenantSeeAndChangeOnlyTheirOwn() {
        put(ada(), "/api/v1/settings/editor/fontSize", "14");
        RequestSpecification grace = Requests.as("grace", tenant, "member");
        grace.get("/api/v1/settings/editor/fontSize").then().spec(Problems.notFound());
        grace.get("/api/v1/settings").then().body("categories", anEmptyMap());
        Requests.as("grace", tenant, "member").delete("/api/v1/settings/editor/fontSize").then().spec(Problems.notFound());
        // An admin has no way to name another user here either.
        admin().get("/api/v1/settings/editor/fontSize").then().spec(Problems.notFound());
        ada().get("/api/v1/settings/editor/fontSize").then().body("value", equalTo(14));
    }

    @Test
    void anotherTenantsSettingsAndDefaultsAreInvisible() {
        put(ada(), "/api/v1/settings/editor/fontSize", "14");
        put(admin(), "/api/v1/settings-defaults/editor/tabSize", "8");
        UUID elsewhere = UUID.randomUUID();
        Requests.as("ada", elsewhere, "member").get("/api/v1/settings").then().body("categories", anEmptyMap());
        Requests.as("ada", elsewhere, "member").get("/api/v1/settings/editor/tabSize").then().spec(Problems.notFound());
        Requests.as("root", elsewhere, "admin").get("/api/v1/settings-defaults/editor/tabSize").then()
                .spec(Problems.notFound());
    }

    @Test
    void anUnknownCategoryIsANotFoundNamingTheKnownOnes() {
        ada().get("/api/v1/settings/keyboard/layout").then().spec(Problems.notFound())
                .body("detail", containsString("editor, llm, terminal, theme, workspace"));
        ada().body("1").put("/api/v1/settings/keyboard/layout").then().spec(Problems.notFound());
        ada().contentType(MERGE_PATCH).body("{}").patch("/api/v1/settings/keyboard").then().spec(Problems.notFound());
        ada().queryParam("category", "keyboard").get("/api/v1/settings").then().spec(Problems.notFound());
    }

    @Test
    void aMalformedKeyIsRefused() {
        for (String key : List.of("FontSize", "9lives", "font size", "a".repeat(101))) {
            ada().body("1").put("/api/v1/settings/editor/" + key).then()
                    .spec(Problems.validationFailed()).body("errors[0].field", equalTo("key"));
        }
        put(ada(), "/api/v1/settings/editor/" + "a".repeat(100), "1");
        put(ada(), "/api/v1/settings/editor/font.size_max-2", "1");
    }

    @Test
    void aValueOverTheSizeLimitIsTooLarge() {
        String big = "\"" + "x".repeat(64 * 1024) + "\"";
        ada().body(big).put("/api/v1/settings/editor/notes").then().spec(Problems.payloadTooLarge());
        ada().contentType(MERGE_PATCH).body("{\"notes\": " + big + "}").patch("/api/v1/settings/editor").then()
                .spec(Problems.payloadTooLarge());
        put(ada(), "/api/v1/settings/editor/notes", "\"" + "x".repeat(64 * 1024 - 2) + "\"");
    }

    @Test
    void numbersBeyondADoubleAreRefusedNamingWhere() {
        ada().body("{\"limits\": [1, 1e309]}").put("/api/v1/settings/editor/numbers").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("value.limits[1]"));
    }

    @Test
    void aPatchInAnotherMediaTypeIsUnsupported() {
        ada().body("{\"fontSize\": 16}").patch("/api/v1/settings/editor").then().spec(Problems.unsupportedMediaType());
        ada().contentType("text/plain").body("16").put("/api/v1/settings/editor/fontSize").then()
                .spec(Problems.unsupportedMediaType());
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        String first = ada().body("14").put("/api/v1/settings/editor/fontSize").then().extract().header("ETag");
        String second = ada().header("If-Match", first).body("16").put("/api/v1/settings/editor/fontSize").then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(first, second);
        ada().header("If-Match", first).body("18").put("/api/v1/settings/editor/fontSize").then()
                .spec(Problems.preconditionFailed());
        ada().header("If-Match", first).delete("/api/v1/settings/editor/fontSize").then().spec(Problems.preconditionFailed());
        ada().get("/api/v1/settings/editor/fontSize").then().header("ETag", second).body("value", equalTo(16));
    }

    @Test
    void aCategoryPatchWithAStaleIfMatchIsAPreconditionFailure() {
        String before = ada().get("/api/v1/settings/editor").then().statusCode(200).extract().header("ETag");
        put(admin(), "/api/v1/settings-defaults/editor/tabSize", "4");
        String after = ada().get("/api/v1/settings/editor").then().extract().header("ETag");
        assertNotEquals(before, after, "a new default changes what the user reads");
        ada().contentType(MERGE_PATCH).header("If-Match", before).body("{\"tabSize\": 2}").patch("/api/v1/settings/editor")
                .then().spec(Problems.preconditionFailed());
        String patched = ada().contentType(MERGE_PATCH).header("If-Match", after).body("{\"tabSize\": 2}")
                .patch("/api/v1/settings/editor").then().statusCode(200).extract().header("ETag");
        ada().get("/api/v1/settings/editor").then().header("ETag", patched);
    }

    @Test
    void ofTwoWritersWithTheSameIfMatchOneWinsAndOneIsRefused() throws Exception {
        String tag = ada().body("14").put("/api/v1/settings/editor/fontSize").then().extract().header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> writers = IntStream.of(16, 18).mapToObj(size -> CompletableFuture.supplyAsync(() -> {
            RequestSpecification request = ada().header("If-Match", tag).body(String.valueOf(size));
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return request.put("/api/v1/settings/editor/fontSize").statusCode();
        })).toList();
        start.countDown();
        List<Integer> statuses = writers.stream().map(CompletableFuture::join).sorted().collect(Collectors.toList());
        assertEquals(List.of(200, 412), statuses);
    }

    @Test
    void aCategoryHoldsABoundedNumberOfKeysPerUser() {
        String patch = IntStream.range(0, 501).mapToObj(i -> "\"k" + i + "\": " + i)
                .collect(Collectors.joining(", ", "{", "}"));
        ada().contentType(MERGE_PATCH).body(patch).patch("/api/v1/settings/workspace").then().spec(Problems.conflict());
        ada().get("/api/v1/settings/workspace").then().body("values", anEmptyMap());
    }

    @Test
    void aServiceTokenHasNoSettings() {
        Requests.as("task-service", tenant, "service").get("/api/v1/settings").then().spec(Problems.forbidden());
    }
}
