package dev.flotilla.auth;

import dev.flotilla.testing.Responses;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

/** The calls the tests make again and again, over real HTTP. */
final class Api {

    static final String PASSWORD = "a-long-enough-passphrase";
    static final String ADMIN_EMAIL = "admin@flotilla.test";
    static final String ADMIN_PASSWORD = "test-admin-password-42";

    private Api() {
    }

    /** A registered tenant with its first administrator, logged in. */
    record Tenant(String id, String slug, String adminId, String adminEmail, String accessToken, String refreshToken) {
    }

    /** A request from its own client address, so that brute-force counters of tests do not mix. */
    static RequestSpecification client() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
    }

    static Tenant register() {
        String name = "Acme " + UUID.randomUUID();
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        Response registered = client().contentType(ContentType.JSON)
                .body(Map.of("tenantName", name, "email", email, "password", PASSWORD, "displayName", "Owner"))
                .post("/api/v1/auth/register").then().statusCode(201).extract().response();
        String slug = registered.path("tenant.slug");
        Response tokens = login(slug, email, PASSWORD).then().statusCode(200).extract().response();
        return new Tenant(registered.path("tenant.id"), slug, registered.path("user.id"), email,
                tokens.path("accessToken"), tokens.path("refreshToken"));
    }

    static Response login(String tenant, String email, String password) {
        return client().contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    /** Creates a user in the admin's tenant and logs them in; returns [id, accessToken, refreshToken]. */
    static String[] userWithRole(Tenant tenant, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        String id = Responses.created(client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", "A " + role, "roles", List.of(role), "password", PASSWORD))
                .post("/api/v1/users").then());
        Response tokens = login(tenant.slug(), email, PASSWORD).then().statusCode(200).extract().response();
        return new String[] { id, tokens.path("accessToken"), tokens.path("refreshToken"), email };
    }

    static String platformAdminToken() {
        return login("default", ADMIN_EMAIL, ADMIN_PASSWORD).then().statusCode(200).extract().path("accessToken");
    }

    /** A new service client of the admin's tenant, with its one-time secret. */
    static Response createClient(Tenant tenant) {
        ValidatableResponse created = client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "search-service")).post("/api/v1/clients").then();
        Responses.created(created);
        return created.body("clientSecret", notNullValue()).extract().response();
    }

    /** An access token of the client (client_credentials grant). */
    static String serviceToken(Response client) {
        return client().auth().preemptive().basic(client.path("clientId"), client.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
    }
}
