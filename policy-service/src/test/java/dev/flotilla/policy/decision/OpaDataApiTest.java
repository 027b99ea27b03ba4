package dev.flotilla.policy.decision;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.flotilla.policy.Api.service;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class OpaDataApiTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void anAllowPathAnswersABooleanResult() {
        service(tenant).body("""
                {"input": {"subject": {"id": "a1", "roles": ["admin"]}, "action": "delete",
                           "resource": {"type": "conversation", "id": "c1"}}}
                """)
                .post("/v1/data/flotilla/authz/allow").then()
                .statusCode(200)
                .body("result", is(true));
    }

    @Test
    void aPackagePathAnswersTheWholeDecision() {
        service(tenant).body("""
                {"input": {"subject": "stranger", "action": "read", "resource": "conversation:c1"}}
                """)
                .post("/v1/data/flotilla/authz").then()
                .statusCode(200)
                .body("result.allow", is(false))
                .body("result.decision", is("DENY"))
                .body("result.reasons[0]", containsString("'conversation:c1'"));
    }

    @Test
    void aMissingInputIsABadRequestNamingIt() {
        service(tenant).body("{}").post("/v1/data/flotilla/authz/allow").then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("input"));
    }

    @Test
    void anInputWithoutAnActionIsABadRequestNamingIt() {
        service(tenant).body("{\"input\": {\"subject\": \"s\", \"resource\": \"doc:1\"}}").post("/v1/data/x/allow").then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("input.action"));
    }

    @Test
    void theDataApiNeedsAToken() {
        given().contentType("application/json").body("{\"input\": {}}")
                .post("/v1/data/flotilla/authz/allow").then().spec(Problems.unauthorized());
    }
}
