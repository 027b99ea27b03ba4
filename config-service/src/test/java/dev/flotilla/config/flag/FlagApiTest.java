package dev.flotilla.config.flag;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static dev.flotilla.config.FlagDefinitions.condition;
import static dev.flotilla.config.FlagDefinitions.flag;
import static dev.flotilla.config.FlagDefinitions.inSegment;
import static dev.flotilla.config.FlagDefinitions.rule;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class FlagApiTest {

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private String put(String key, String env, Map<String, Object> flag) {
        return admin().body(flag).put("/api/v1/flags/" + key + "?env=" + env).then().statusCode(201).extract().header("ETag");
    }

    @Test
    void aFlagIsCreatedWithItsLocationAndETagAndReadBack() {
        admin().body(booleanFlag(true, rule("on", condition("plan", "equals", "gold")))).put("/api/v1/flags/checkout?env=prod")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/flags/checkout?env=prod"))
                .header("ETag", not(nullValue()))
                .body("key", equalTo("checkout"), "environment", equalTo("prod"), "type", equalTo("boolean"),
                        "createdBy", equalTo("root"));
        Response read = admin().get("/api/v1/flags/checkout?env=prod");
        read.then().statusCode(200)
                .body("variants.on", equalTo(true), "defaultVariant", equalTo("off"), "enabled", equalTo(true),
                        "rules[0].conditions[0].attribute", equalTo("plan"), "rules[0].variant", equalTo("on"),
                        "rules[0].rollout", nullValue());
        assertEquals("\"" + read.path("version") + "\"", read.header("ETag"));
    }

    @Test
    void aFlagExistsPerEnvironment() {
        put("per-env", "dev", booleanFlag(true));
        admin().get("/api/v1/flags/per-env?env=prod").then().spec(Problems.notFound());
        admin().get("/api/v1/flags/per-env?env=dev").then().statusCode(200);
    }

    @Test
    void replacingAFlagRequiresTheETagOfTheVersionEdited() {
        String etag = put("guarded", "prod", booleanFlag(true));
        admin().body(booleanFlag(false)).put("/api/v1/flags/guarded?env=prod").then().spec(Problems.preconditionRequired());
        admin().header("If-Match", "\"1\"").body(booleanFlag(false)).put("/api/v1/flags/guarded?env=prod").then()
                .spec(Problems.preconditionFailed());
        String next = admin().header("If-Match", etag).body(booleanFlag(false)).put("/api/v1/flags/guarded?env=prod").then()
                .statusCode(200).body("enabled", equalTo(false)).extract().header("ETag");
        assertNotEquals(etag, next);
        admin().header("If-Match", etag).body(booleanFlag(true)).put("/api/v1/flags/guarded?env=prod").then()
                .spec(Problems.preconditionFailed());
    }

    @Test
    void ofTwoWritersWithTheSameETagOneWinsAndTheOtherGetsAPreconditionFailure() {
        String etag = put("contended", "prod", booleanFlag(true));
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            boolean enabled = i == 0;
            writers.add(CompletableFuture.supplyAsync(() -> admin().header("If-Match", etag).body(booleanFlag(enabled))
                    .put("/api/v1/flags/contended?env=prod").statusCode()));
        }
        List<Integer> statuses = writers.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(200, 412), statuses);
    }

    @Test
    void creatingWithIfMatchOrIfNoneMatchOnAnExistingFlagFails() {
        admin().header("If-Match", "\"7\"").body(booleanFlag(true)).put("/api/v1/flags/absent?env=prod").then()
                .spec(Problems.preconditionFailed());
        put("present", "prod", booleanFlag(true));
        admin().header("If-None-Match", "*").body(booleanFlag(true)).put("/api/v1/flags/present?env=prod").then()
                .spec(Problems.preconditionFailed());
    }

    @Test
    void deletingRequiresTheETagAndThenTheFlagIsGone() {
        String etag = put("doomed", "prod", booleanFlag(true));
        admin().delete("/api/v1/flags/doomed?env=prod").then().spec(Problems.preconditionRequired());
        admin().header("If-Match", "\"1\"").delete("/api/v1/flags/doomed?env=prod").then().spec(Problems.preconditionFailed());
        admin().header("If-Match", etag).delete("/api/v1/flags/doomed?env=prod").then().statusCode(204);
        admin().get("/api/v1/flags/doomed?env=prod").then().spec(Problems.notFound());
        admin().header("If-Match", etag).delete("/api/v1/flags/doomed?env=prod").then().spec(Problems.notFound());
    }

    @Test
    void aFlagCreatedAgainAfterItsDeletionDoesNotMatchTheOldETag() {
        String old = put("reborn", "prod", booleanFlag(true));
        admin().header("If-Match", old).delete("/api/v1/flags/reborn?env=prod").then().statusCode(204);
        put("reborn", "prod", booleanFlag(true));
        admin().header("If-Match", old).body(booleanFlag(false)).put("/api/v1/flags/reborn?env=prod").then()
                .spec(Problems.preconditionFailed());
    }

    @Test
    void aFlagThatCannotBeEvaluatedIsUnprocessableNamingTheProblem() {
        admin().body(booleanFlag(true, rule("maybe"))).put("/api/v1/flags/bad?env=prod").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("rules[0].variant"))
                .body("detail", containsString("'maybe' is not a variant of the flag"));
        admin().body(flag("string", true, Map.of("a", 1), "a")).put("/api/v1/flags/bad?env=prod").then()
                .spec(Problems.unprocessable()).body("errors[0].field", equalTo("variants.a"));
        admin().body(booleanFlag(true, rule("on", condition("email", "matches", "([a-z")))).put("/api/v1/flags/bad?env=prod")
                .then().spec(Problems.unprocessable()).body("errors[0].field", equalTo("rules[0].conditions[0].value"));
        admin().body(booleanFlag(true, rule("on", inSegment("nobody")))).put("/api/v1/flags/bad?env=prod").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("rules[0].conditions[0].values[0]"))
                .body("errors[0].message", equalTo("segment 'nobody' does not exist"));
        admin().get("/api/v1/flags/bad?env=prod").then().spec(Problems.notFound());
    }

    @Test
    void theEnvironmentIsRequiredAndNamed() {
        admin().body(booleanFlag(true)).put("/api/v1/flags/x").then().spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("env"));
        admin().get("/api/v1/flags/x?env=Prod!").then().spec(Problems.validationFailed()).body("errors[0].field",
                equalTo("env"));
        admin().get("/api/v1/flags/bad%20key?env=prod").then().spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void flagsAreListedByKeyPageByPage() {
        for (String key : List.of("list-c", "list-a", "list-b")) {
            put(key, "staging", booleanFlag(true));
        }
        Response first = admin().get("/api/v1/flags?env=staging&limit=2");
        first.then().statusCode(200).body("items.key", equalTo(List.of("list-a", "list-b")));
        admin().get("/api/v1/flags?env=staging&limit=2&cursor=" + first.path("nextCursor")).then()
                .body("items.key", equalTo(List.of("list-c")), "nextCursor", nullValue());
    }

    @Test
    void anotherTenantsFlagIsNotFound() {
        String etag = put("mine", "prod", booleanFlag(true));
        RequestSpecification stranger = Requests.as(UUID.randomUUID(), "admin");
        stranger.get("/api/v1/flags/mine?env=prod").then().spec(Problems.notFound());
        Requests.as(UUID.randomUUID(), "admin").header("If-Match", etag).delete("/api/v1/flags/mine?env=prod").then()
                .spec(Problems.notFound());
        Requests.as(UUID.randomUUID(), "admin").get("/api/v1/flags?env=prod").then().body("items", hasSize(0));
    }

    @Test
    void membersReadFlagsButOnlyAdminsChangeThem() {
        put("read-only", "prod", booleanFlag(true));
        Requests.as(tenant, "member").get("/api/v1/flags/read-only?env=prod").then().statusCode(200);
        Requests.as(tenant, "member").body(booleanFlag(true)).put("/api/v1/flags/other?env=prod").then()
                .spec(Problems.forbidden());
    }
}
