package dev.flotilla.config.segment;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static dev.flotilla.config.FlagDefinitions.condition;
import static dev.flotilla.config.FlagDefinitions.inSegment;
import static dev.flotilla.config.FlagDefinitions.rule;
import static dev.flotilla.config.FlagDefinitions.segment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SegmentApiTest {

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private String create(String key) {
        return admin().body(segment(condition("email", "endsWith", "@example.com"))).put("/api/v1/segments/" + key).then()
                .statusCode(201).extract().header("ETag");
    }

    @Test
    void aSegmentIsCreatedReadAndListed() {
        admin().body(Map.of("description", "Our staff", "conditions", List.of(condition("email", "endsWith", "@example.com"))))
                .put("/api/v1/segments/staff").then()
                .statusCode(201).header("Location", endsWith("/api/v1/segments/staff"))
                .body("key", equalTo("staff"), "description", equalTo("Our staff"));
        admin().get("/api/v1/segments/staff").then().statusCode(200)
                .body("conditions[0].operator", equalTo("endsWith"), "conditions[0].value", equalTo("@example.com"));
        admin().get("/api/v1/segments").then().body("items.key", equalTo(List.of("staff")));
    }

    @Test
    void replacingASegmentRequiresItsETag() {
        String etag = create("beta");
        admin().body(segment(condition("beta", "equals", true))).put("/api/v1/segments/beta").then()
                .spec(Problems.preconditionRequired());
        admin().header("If-Match", etag).body(segment(condition("beta", "equals", true))).put("/api/v1/segments/beta").then()
                .statusCode(200).body("conditions[0].attribute", equalTo("beta"));
        admin().header("If-Match", etag).body(segment(condition("beta", "equals", false))).put("/api/v1/segments/beta").then()
                .spec(Problems.preconditionFailed());
    }

    @Test
    void aSegmentThatNamesAnotherIsUnprocessable() {
        admin().body(segment(inSegment("staff"))).put("/api/v1/segments/nested").then().spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("conditions[0].operator"));
        admin().body(segment(condition("age", "greaterThan", "ten"))).put("/api/v1/segments/typed").then()
                .spec(Problems.unprocessable()).body("errors[0].field", equalTo("conditions[0].value"));
    }

    @Test
    void aSegmentInUseCannotBeDeletedUntilNoFlagNamesIt() {
        String etag = create("vip");
        String flagTag = admin().body(booleanFlag(true, rule("on", inSegment("vip")))).put("/api/v1/flags/perk?env=prod")
                .then().statusCode(201).extract().header("ETag");
        admin().header("If-Match", etag).delete("/api/v1/segments/vip").then().spec(Problems.conflict())
                .body("detail", containsString("perk (prod)"));
        admin().header("If-Match", flagTag).delete("/api/v1/flags/perk?env=prod").then().statusCode(204);
        admin().header("If-Match", etag).delete("/api/v1/segments/vip").then().statusCode(204);
        admin().get("/api/v1/segments/vip").then().spec(Problems.notFound());
    }

    @Test
    void anotherTenantsSegmentIsNotFoundAndCannotBeNamed() {
        create("private");
        Requests.as(UUID.randomUUID(), "admin").get("/api/v1/segments/private").then().spec(Problems.notFound());
        Requests.as(UUID.randomUUID(), "admin").body(booleanFlag(true, rule("on", inSegment("private"))))
                .put("/api/v1/flags/f?env=prod").then().spec(Problems.unprocessable());
    }
}
