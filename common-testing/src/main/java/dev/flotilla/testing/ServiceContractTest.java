package dev.flotilla.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every Flotilla service promises before it does anything of its own: probes, metrics,
 * OpenAPI, token verification through the JWKS, and problem responses. Each service runs it with
 *
 * <pre>
 * {@literal @}QuarkusTest
 * {@literal @}QuarkusTestResource(TestEnvironment.class)
 * class ConfigServiceContractTest extends ServiceContractTest {}
 * </pre>
 */
public abstract class ServiceContractTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CALLER = "/api/v1/caller";
    private static final UUID TENANT = UUID.randomUUID();

    @Test
    public void readinessIncludesTheDatabaseAndIsUp() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'database' }.status", is("UP"))
                .body("checks.find { it.name == 'database' }.data.schema", is(schema()));
    }

    @Test
    public void livenessAndStartupProbesAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    public void anApiCallWithoutATokenIsUnauthorized() {
        given().get(CALLER).then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", is(401))
                .body("type", is("urn:flotilla:problem:unauthorized"));
    }

    @Test
    public void aTokenSignedByAnotherKeyIsUnauthorized() {
        given().auth().oauth2(TestTokens.forged(TENANT, "member")).get(CALLER).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    public void anExpiredTokenIsUnauthorized() {
        given().auth().oauth2(TestTokens.expired(TENANT, "member")).get(CALLER).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    public void aTokenOfAnotherIssuerIsUnauthorized() {
        given().auth().oauth2(TestTokens.fromIssuer("https://elsewhere.example", TENANT, "member")).get(CALLER).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    public void aTokenForAnotherAudienceIsUnauthorized() {
        given().auth().oauth2(TestTokens.forAudience("another-system", TENANT, "member")).get(CALLER).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    public void aTokenNamingAnUnknownKeyIsUnauthorized() {
        given().auth().oauth2(TestTokens.withUnknownKeyId(TENANT, "member")).get(CALLER).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    public void anUnsignedTokenIsUnauthorized() {
        given().auth().oauth2(TestTokens.unsigned(TENANT, "admin")).get(CALLER).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    public void aTokenHmacSignedWithThePublicKeyIsUnauthorized() {
        given().auth().oauth2(TestTokens.hmacSignedWithThePublicKey(TENANT, "admin")).get(CALLER).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    public void aMalformedTokenIsUnauthorized() {
        given().header("Authorization", "Bearer not-a-jwt").get(CALLER).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    public void aValidTokenIsTrustedAndItsTenantAndRolesRead() {
        given().auth().oauth2(TestTokens.user("user-1", TENANT, "member", "viewer")).get(CALLER).then()
                .statusCode(200)
                .body("service", is(applicationName()))
                .body("subject", is("user-1"))
                .body("tenant", is(TENANT.toString()))
                .body("roles", hasItem("member"))
                .body("roles", hasItem("viewer"));
    }

    @Test
    public void anUnknownApiPathIsANotFoundProblem() {
        given().auth().oauth2(TestTokens.user(TENANT, "member")).get(CALLER + "/no-such-thing").then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:flotilla:problem:not-found"))
                .body("instance", is(CALLER + "/no-such-thing"));
    }

    @Test
    public void anUnsupportedMethodIsAMethodNotAllowedProblem() {
        given().auth().oauth2(TestTokens.user(TENANT, "member")).contentType(ContentType.JSON).body("{}")
                .post(CALLER).then()
                .statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:flotilla:problem:method-not-allowed"));
    }

    @Test
    public void everyResponseCarriesTheCallersRequestId() {
        given().header("X-Request-Id", "trace-me-42").get(CALLER).then()
                .header("X-Request-Id", equalTo("trace-me-42"))
                .body("requestId", is("trace-me-42"));
    }

    @Test
    public void metricsAreValidPrometheusText() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertNull(PrometheusText.firstInvalidLine(body), "a line that is not Prometheus text");
        assertTrue(PrometheusText.samples(body) > 0, "metrics without any sample");
    }

    @Test
    public void requestLatencyIsPublishedAsAHistogram() {
        given().get(CALLER).then().statusCode(401);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("le=\"0.025\""));
    }

    @Test
    public void theOpenApiDocumentDescribesTheApi() {
        given().accept(ContentType.JSON).get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths", notNullValue());
    }

    @Test
    public void everyOperationAnswersBadInputWithAClientErrorProblem() {
        List<String> failures = BadInputProbe.failuresOfThisService();
        assertTrue(failures.isEmpty(),
                failures.size() + " answers to bad input were not a 4xx problem:\n" + String.join("\n", failures));
    }

    private static String applicationName() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    private static String schema() {
        return ConfigProvider.getConfig().getValue("flotilla.schema", String.class);
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
