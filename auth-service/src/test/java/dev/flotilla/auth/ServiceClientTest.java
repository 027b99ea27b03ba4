package dev.flotilla.auth;

import dev.flotilla.testing.ConcurrentDeletes;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Service clients, the client_credentials grant, revocation and introspection. */
@QuarkusTest
class ServiceClientTest {

    @Test
    void aClientObtainsAServiceTokenWithBasicAuthentication() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        Api.client().auth().preemptive().basic(client.path("clientId"), client.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", is("Bearer"))
                .body("expires_in", is(900))
                .body("refresh_token", nullValue());
        String token = Api.serviceToken(client);
        Api.client().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200)
                .body("subject", is((String) client.path("clientId")))
                .body("tenant", is(tenant.id()))
                .body("roles", hasItem("service"));
    }

    @Test
    void aClientMayAlsoSendItsCredentialsInTheForm() {
        Response client = Api.createClient(Api.register());
        Api.client().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", (String) client.path("clientId"))
                .formParam("client_secret", (String) client.path("clientSecret"))
                .post("/oauth2/token").then().statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void aWrongSecretIsAnInvalidClient() {
        Response client = Api.createClient(Api.register());
        Api.client().auth().preemptive().basic(client.path("clientId"), "wrong")
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(401).body("error", is("invalid_client"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
    }

    @Test
    void anUnsupportedGrantIsRefusedTheOAuthWay() {
        Api.client().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .post("/oauth2/token").then().statusCode(400).body("error", is("unsupported_grant_type"));
        Api.client().contentType(ContentType.URLENC).formParam("scope", "x")
                .post("/oauth2/token").then().statusCode(400).body("error", is("invalid_request"));
    }

    @Test
    void theSecretIsNeverListedAndARotatedSecretReplacesTheOldOne() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/clients").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].clientSecret", nullValue())
                .body("items[0].roles", hasItem("service"));
        String newSecret = Api.client().auth().oauth2(tenant.accessToken())
                .post("/api/v1/clients/" + client.path("id") + "/secret")
                .then().statusCode(200).extract().path("clientSecret");
        Api.client().auth().preemptive().basic(client.path("clientId"), client.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth2/token").then()
                .statusCode(401)
                .body("error", is("invalid_client"));
        Api.client().auth().preemptive().basic(client.path("clientId"), newSecret)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth2/token").then()
                .statusCode(200);
    }

    @Test
    void aDeletedClientGetsNoTokensAndAnotherTenantCannotDeleteIt() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        Api.client().auth().oauth2(Api.register().accessToken()).delete("/api/v1/clients/" + client.path("id")).then()
                .spec(Problems.notFound());
        Api.client().auth().oauth2(tenant.accessToken()).delete("/api/v1/clients/" + client.path("id")).then().statusCode(204);
        Api.client().auth().preemptive().basic(client.path("clientId"), client.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth2/token").then()
                .statusCode(401)
                .body("error", is("invalid_client"));
    }

    @Test
    void creatingAClientForATenantThisServiceDoesNotKnowIsNotFound() {
        Requests.as(UUID.randomUUID(), "admin").body(Map.of("name", "search-service")).post("/api/v1/clients").then()
                .spec(Problems.notFound());
    }

    @Test
    void concurrentDeletesOfAClientDeleteItOnceAndLeaveNoTransactionOpen() {
        Api.Tenant tenant = Api.register();
        for (int round = 0; round < 5; round++) {
            String path = "/api/v1/clients/" + Api.createClient(tenant).path("id");
            ConcurrentDeletes.oneWinsTheOthersAreNotFound(() -> Api.client().auth().oauth2(tenant.accessToken()).delete(path),
                    4);
        }
        ConcurrentDeletes.noConnectionIsLeftInATransaction();
    }

    @Test
    void aServiceIntrospectsTokensOfItsTenant() {
        Api.Tenant tenant = Api.register();
        String service = Api.serviceToken(Api.createClient(tenant));
        Api.client().auth().oauth2(service).contentType(ContentType.URLENC).formParam("token", tenant.accessToken())
                .post("/oauth2/introspect").then().statusCode(200)
                .body("active", is(true)).body("sub", is(tenant.adminId())).body("tid", is(tenant.id()));
        Api.client().auth().oauth2(service).contentType(ContentType.URLENC).formParam("token", tenant.refreshToken())
                .post("/oauth2/introspect").then().statusCode(200).body("active", is(true))
                .body("token_type", is("refresh_token"));
        Api.client().auth().oauth2(service).contentType(ContentType.URLENC).formParam("token", "garbage")
                .post("/oauth2/introspect").then().statusCode(200).body("active", is(false));
        Api.client().auth().oauth2(service).contentType(ContentType.URLENC).formParam("token", Api.register().accessToken())
                .post("/oauth2/introspect").then().statusCode(200).body("active", is(false));
    }

    @Test
    void aClientIntrospectsWithItsOwnCredentialsInTheAuthorizationHeader() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        Api.client().auth().preemptive().basic(client.path("clientId"), client.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("token", tenant.accessToken())
                .post("/oauth2/introspect").then().statusCode(200)
                .body("active", is(true)).body("sub", is(tenant.adminId())).body("tid", is(tenant.id()));
        Api.client().auth().preemptive().basic(client.path("clientId"), client.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("token", Api.register().accessToken())
                .post("/oauth2/introspect").then().statusCode(200).body("active", is(false));
    }

    @Test
    void aClientIntrospectsWithItsOwnCredentialsInTheForm() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        Api.client().contentType(ContentType.URLENC).formParam("token", tenant.refreshToken())
                .formParam("client_id", (String) client.path("clientId"))
                .formParam("client_secret", (String) client.path("clientSecret"))
                .post("/oauth2/introspect").then().statusCode(200)
                .body("active", is(true)).body("token_type", is("refresh_token"));
    }

    @Test
    void wrongClientCredentialsAtIntrospectionAreAnInvalidClient() {
        Api.Tenant tenant = Api.register();
        Response client = Api.createClient(tenant);
        Api.client().auth().preemptive().basic(client.path("clientId"), "wrong")
                .contentType(ContentType.URLENC).formParam("token", tenant.accessToken())
                .post("/oauth2/introspect").then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", startsWith("Basic")).body("error", is("invalid_client"));
        Api.client().contentType(ContentType.URLENC).formParam("token", tenant.accessToken())
                .formParam("client_id", "svc-no-such-client").formParam("client_secret", "whatever")
                .post("/oauth2/introspect").then().statusCode(401).body("error", is("invalid_client"));
    }

    @Test
    void onlyServicesMayIntrospect() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.URLENC)
                .formParam("token", tenant.accessToken())
                .post("/oauth2/introspect").then().statusCode(403).contentType(ContentType.JSON)
                .body("error", is("insufficient_scope"));
        Api.client().contentType(ContentType.URLENC).formParam("token", tenant.accessToken())
                .post("/oauth2/introspect").then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", startsWith("Basic")).body("error", is("invalid_client"));
    }

    @Test
    void anInvalidBearerTokenAtIntrospectionIsAnOAuthError() {
        Api.client().auth().oauth2("not-a-token").contentType(ContentType.URLENC).formParam("token", "x")
                .post("/oauth2/introspect").then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", startsWith("Bearer")).body("error", is("invalid_token"))
                .body("error_description", notNullValue());
    }

    @Test
    void revokingARefreshTokenEndsItsSession() {
        Api.Tenant tenant = Api.register();
        Api.client().contentType(ContentType.URLENC).formParam("token", tenant.refreshToken())
                .formParam("token_type_hint", "refresh_token")
                .post("/oauth2/revoke").then().statusCode(200);
        Api.client().contentType(ContentType.JSON).body(Map.of("refreshToken", tenant.refreshToken()))
                .post("/api/v1/auth/refresh").then()
                .spec(Problems.unauthorized());
        Api.client().contentType(ContentType.URLENC).formParam("token", "unknown-token").post("/oauth2/revoke").then()
                .statusCode(200);
    }
}
