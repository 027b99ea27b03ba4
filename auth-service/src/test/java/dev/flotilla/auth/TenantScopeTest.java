package dev.flotilla.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.is;

/**
 * The {@code tenant:<id>} scope of the client_credentials grant: a platform's service (a client of
 * the {@code default} tenant) gets a token for the tenant it serves; a tenant's own client only for its own.
 */
@QuarkusTest
class TenantScopeTest {

    private static ValidatableResponse tokenFor(Response client, String scope) {
        return Api.client().auth().preemptive().basic(client.path("clientId"), client.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").formParam("scope", scope)
                .post("/oauth2/token").then();
    }

    private static Response platformClient() {
        return Api.createClient(new Api.Tenant(null, "default", null, Api.ADMIN_EMAIL, Api.platformAdminToken(), null));
    }

    @Test
    void aPlatformClientGetsATokenForAnyTenantAndActsForIt() {
        Api.Tenant tenant = Api.register();
        String token = tokenFor(platformClient(), "tenant:" + tenant.id()).statusCode(200)
                .body("scope", is("tenant:" + tenant.id()))
                .extract().path("access_token");
        Api.client().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200)
                .body("tenant", is(tenant.id()));
        Api.client().auth().oauth2(token).get("/api/v1/users/" + tenant.adminId() + "/contact").then()
                .statusCode(200)
                .body("email", is(tenant.adminEmail()));
    }

    @Test
    void aTenantsOwnClientGetsATokenForItsOwnTenantOnly() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        tokenFor(client, "tenant:" + tenant.id()).statusCode(200);
        tokenFor(client, "tenant:" + Api.register().id()).statusCode(400)
                .body("error", is("invalid_scope"));
    }

    @Test
    void aTenantThatDoesNotExistIsAnInvalidScope() {
        tokenFor(platformClient(), "tenant:" + UUID.randomUUID()).statusCode(400)
                .body("error", is("invalid_scope"));
    }

    @Test
    void anyOtherScopeIsAnInvalidScope() {
        Response client = Api.createClient(Api.register());
        tokenFor(client, "openid").statusCode(400).body("error", is("invalid_scope"));
        tokenFor(client, "tenant:not-a-uuid").statusCode(400).body("error", is("invalid_scope"));
    }

    @Test
    void aWrongSecretIsAnInvalidClientWhateverTheScope() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        Api.client().auth().preemptive().basic(client.path("clientId"), "wrong")
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("scope", "tenant:" + tenant.id())
                .post("/oauth2/token").then().statusCode(401).body("error", is("invalid_client"));
    }

    @Test
    void aProvisionedPlatformClientGetsTokensForAnyTenant() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().preemptive().basic("platform-test-service", "a-secret-of-the-platform-test-service")
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("scope", "tenant:" + tenant.id())
                .post("/oauth2/token").then().statusCode(200)
                .body("scope", is("tenant:" + tenant.id()));
    }
}
