package dev.flotilla.common.error;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final UUID TENANT = UUID.randomUUID();

    private static RequestSpecification member() {
        return given().auth().oauth2(TestTokens.user(TENANT, "member")).contentType(ContentType.JSON);
    }

    @Test
    void aValidBodyIsCreatedWithALocation() {
        member().body("{\"name\":\"bolt\",\"size\":3,\"colour\":\"RED\"}").post("/api/v1/widgets").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/widgets/"));
    }

    @Test
    void malformedJsonIsABadRequestNamingThePosition() {
        member().body("{\"name\": \"bolt\",").post("/api/v1/widgets").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:flotilla:problem:malformed-json"))
                .body("title", is("Malformed JSON"))
                .body("detail", containsString("line"))
                .body("instance", is("/api/v1/widgets"));
    }

    @Test
    void anUnknownFieldIsRejectedByName() {
        member().body("{\"name\":\"bolt\",\"size\":3,\"colour\":\"RED\",\"weight\":9}").post("/api/v1/widgets").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", is("weight"))
                .body("errors[0].message", is("unknown field"));
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedByField() {
        member().body("{\"name\":\"bolt\",\"size\":\"huge\",\"colour\":\"RED\"}").post("/api/v1/widgets").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", is("size"));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        member().body("{\"name\":\"bolt\",\"size\":1,\"colour\":\"BLUE\"}").post("/api/v1/widgets").then()
                .statusCode(400)
                .body("errors[0].field", is("colour"))
                .body("errors[0].message", containsString("RED"));
    }

    @Test
    void constraintViolationsListEveryFieldWithItsMessage() {
        member().body("{\"name\":\"\",\"size\":11}").post("/api/v1/widgets").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:flotilla:problem:validation-failed"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("size"))
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void aMissingBodyIsABadRequest() {
        member().post("/api/v1/widgets").then()
                .spec(Problems.validationFailed());
    }

    @Test
    void aBodyCheckedInTheMethodBreaksTheSameConstraints() {
        member().body("{\"name\":\"\",\"size\":11}").post("/api/v1/widgets/checked").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:flotilla:problem:validation-failed"))
                .body("errors.field", containsInAnyOrder("colour", "name", "size"));
    }

    @Test
    void aBodyCheckedInTheMethodMustBePresent() {
        member().post("/api/v1/widgets/checked").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", contains("widget"));
    }

    @Test
    void aValidBodyCheckedInTheMethodIsCreated() {
        member().body("{\"name\":\"bolt\",\"size\":3,\"colour\":\"RED\"}").post("/api/v1/widgets/checked").then()
                .statusCode(201);
    }

    @Test
    void aBodyOfAnotherMediaTypeIsUnsupported() {
        given().auth().oauth2(TestTokens.user(TENANT, "member")).contentType(ContentType.XML)
                .body("<widget/>").post("/api/v1/widgets").then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:flotilla:problem:unsupported-media-type"));
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"size\":1,\"colour\":\"RED\"}";
        member().body(huge).post("/api/v1/widgets").then()
                .spec(Problems.payloadTooLarge());
    }

    @Test
    void aMissingResourceIsNotFound() {
        UUID id = UUID.randomUUID();
        member().get("/api/v1/widgets/" + id).then()
                .spec(Problems.notFound())
                .body("detail", is("widget " + id + " was not found"));
    }

    @Test
    void aMalformedIdIsABadRequestNamingTheParameter() {
        member().get("/api/v1/widgets/not-a-uuid").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", is("id"));
    }

    @Test
    void anInstantParameterIsReadAsIso8601() {
        member().queryParam("from", "2026-01-31T12:00:00Z").get("/api/v1/widgets/changes").then()
                .statusCode(200)
                .body("[0]", is("2026-01-31T12:00:00Z"));
    }

    @Test
    void aMalformedInstantIsABadRequestNamingTheParameter() {
        member().queryParam("from", "yesterday").get("/api/v1/widgets/changes").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", is("from"))
                .body("errors[0].message", containsString("ISO-8601"));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        member().header("If-Match", "\"3\"").body("{\"name\":\"bolt\",\"size\":3,\"colour\":\"RED\"}")
                .put("/api/v1/widgets/" + UUID.randomUUID()).then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:flotilla:problem:precondition-failed"));
    }

    @Test
    void aClashWithCurrentStateIsAConflict() {
        member().body("{\"name\":\"bolt\",\"size\":3,\"colour\":\"RED\"}").post("/api/v1/widgets/duplicates").then()
                .spec(Problems.conflict())
                .body("detail", containsString("bolt"));
    }

    @Test
    void aRoleTheCallerLacksIsForbidden() {
        member().delete("/api/v1/widgets/" + UUID.randomUUID()).then()
                .spec(Problems.forbidden());
    }

    @Test
    void theRightRoleIsAllowed() {
        given().auth().oauth2(TestTokens.user(TENANT, "admin")).delete("/api/v1/widgets/" + UUID.randomUUID()).then()
                .statusCode(204);
    }

    @Test
    void anUnexpectedFailureIsAnOpaqueInternalProblem() {
        member().get("/api/v1/widgets/broken").then()
                .spec(Problems.problem(500, "internal"))
                .body("detail", not(containsString("secret")))
                .body("requestId", notNullValue())
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void theTypeUriNamesTheProblem() {
        member().get("/api/v1/widgets/" + UUID.randomUUID()).then()
                .body("type", endsWith(":not-found"))
                .body("title", is("Not found"))
                .body("status", is(404));
    }
}
