package dev.flotilla.auth;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The refresh_token grant and client authentication (RFC 6749 §6, OAuth 2.1 §4.3): presented client
 * credentials are checked, and a refresh token issued to a client is that client's alone.
 */
@QuarkusTest
class RefreshGrantClientTest {

    private static ValidatableResponse refresh(RequestSpecification request, String refreshToken) {
        return request.contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/oauth2/token").then();
    }

    private static RequestSpecification basic(Response client) {
        return basic(client.path("clientId"), client.path("clientSecret"));
    }

    private static RequestSpecification basic(String clientId, String secret) {
        return Api.client().auth().preemptive().basic(clientId, secret);
    }

    private static RequestSpecification form(String clientId, String secret) {
        return Api.client().formParam("client_id", clientId).formParam("client_secret", secret);
    }

    private static void isInvalidClient(ValidatableResponse response) {
        response.statusCode(401).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .header("WWW-Authenticate", startsWith("Basic")).body("error", is("invalid_client"));
    }

    @Test
    void aWrongClientSecretIsAnInvalidClientAndLeavesTheRefreshTokenUnused() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        isInvalidClient(refresh(basic(client.path("clientId"), "wrong"), tenant.refreshToken()));
        refresh(Api.client(), tenant.refreshToken()).statusCode(200);
    }

    @Test
    void anUnknownClientIsAnInvalidClient() {
        isInvalidClient(refresh(basic("svc-no-such-client", "whatever"), Api.register().refreshToken()));
    }

    @Test
    void wrongCredentialsInTheFormAreAnInvalidClient() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        isInvalidClient(refresh(form(client.path("clientId"), "wrong"), tenant.refreshToken()));
        isInvalidClient(refresh(form("svc-no-such-client", "whatever"), tenant.refreshToken()));
    }

    @Test
    void aClientIdWithoutASecretIsAnInvalidClient() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        isInvalidClient(refresh(Api.client().formParam("client_id", (String) client.path("clientId")), tenant.refreshToken()));
    }

    @Test
    void anAuthenticatedClientRefreshesATokenIssuedWithoutAClient() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        refresh(basic(client), tenant.refreshToken()).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("access_token", notNullValue()).body("refresh_token", notNullValue());
    }

    @Test
    void aRefreshTokenIssuedToAClientIsAnInvalidGrantForAnotherClient() {
        Api.Tenant tenant = Api.register();
        Response issuedTo = Api.createClient(tenant);
        Response other = Api.createClient(tenant);
        String bound = refresh(basic(issuedTo), tenant.refreshToken()).statusCode(200).extract().path("refresh_token");

        refresh(basic(other), bound).statusCode(400).contentType(ContentType.JSON).body("error", is("invalid_grant"));
        refresh(form(other.path("clientId"), other.path("clientSecret")), bound).statusCode(400)
                .body("error", is("invalid_grant"));
        // The refusal did not use the token up: its own client still refreshes with it.
        refresh(basic(issuedTo), bound).statusCode(200);
    }

    @Test
    void aRefreshTokenIssuedToAClientIsAnInvalidGrantWithoutClientAuthentication() {
        Api.Tenant tenant = Api.register();
        Response issuedTo = Api.createClient(tenant);
        String bound = refresh(basic(issuedTo), tenant.refreshToken()).statusCode(200).extract().path("refresh_token");

        refresh(Api.client(), bound).statusCode(400).body("error", is("invalid_grant"));
        Api.client().contentType(ContentType.JSON).body(Map.of("refreshToken", bound)).post("/api/v1/auth/refresh").then()
                .spec(Problems.unauthorized());
        refresh(form(issuedTo.path("clientId"), issuedTo.path("clientSecret")), bound).statusCode(200);
    }

    @Test
    void theSuccessorOfABoundRefreshTokenIsBoundToTheSameClient() {
        Api.Tenant tenant = Api.register();
        Response issuedTo = Api.createClient(tenant);
        String bound = refresh(basic(issuedTo), tenant.refreshToken()).statusCode(200).extract().path("refresh_token");
        String successor = refresh(basic(issuedTo), bound).statusCode(200).extract().path("refresh_token");

        refresh(Api.client(), successor).statusCode(400).body("error", is("invalid_grant"));
        refresh(basic(Api.createClient(tenant)), successor).statusCode(400).body("error", is("invalid_grant"));
    }
}
