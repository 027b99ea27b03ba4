package dev.flotilla.auth;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Registering a tenant, the password rules, login, and the bootstrap administrator. */
@QuarkusTest
class RegistrationAndLoginTest {

    private static Map<String, String> registration(String name, String email, String password) {
        return Map.of("tenantName", name, "email", email, "password", password, "displayName", "Owner");
    }

    @Test
    void registeringCreatesATenantWithASlugAndItsFirstUserAsAdmin() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api.client().contentType(ContentType.JSON)
                .body(registration("Héllo Wörld " + suffix, "Boss-" + suffix + "@Example.com", Api.PASSWORD))
                .post("/api/v1/auth/register").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/users/"))
                .body("tenant.slug", is("hello-world-" + suffix))
                .body("user.email", is("boss-" + suffix + "@example.com"))
                .body("user.roles", hasItem("admin"))
                .body("user.passwordHash", is((Object) null))
                .body("user.password", is((Object) null));
    }

    @Test
    void aSecondTenantWithTheSameNameGetsAnotherSlug() {
        String name = "Twin " + UUID.randomUUID();
        String first = Api.client().contentType(ContentType.JSON).body(registration(name, "a@example.com", Api.PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(201).extract().path("tenant.slug");
        Api.client().contentType(ContentType.JSON).body(registration(name, "a@example.com", Api.PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(201).body("tenant.slug", not(is(first)));
    }

    @Test
    void aPasswordShorterThanTenCharactersIsRejected() {
        Api.client().contentType(ContentType.JSON).body(registration("Short " + UUID.randomUUID(), "a@example.com", "short-pw"))
                .post("/api/v1/auth/register").then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("password"));
    }

    @Test
    void aPasswordLongerThan128CharactersIsRejected() {
        Api.client().contentType(ContentType.JSON)
                .body(registration("Long " + UUID.randomUUID(), "a@example.com", "x".repeat(129)))
                .post("/api/v1/auth/register").then().spec(Problems.validationFailed()).body("errors[0].field", is("password"));
    }

    @Test
    void aCommonPasswordIsRejected() {
        Api.client().contentType(ContentType.JSON)
                .body(registration("Common " + UUID.randomUUID(), "a@example.com", "Password123"))
                .post("/api/v1/auth/register").then().spec(Problems.validationFailed())
                .body("detail", containsString("too common"));
    }

    @Test
    void anInvalidEmailOrAnUnknownFieldIsABadRequest() {
        Api.client().contentType(ContentType.JSON).body(registration("Bad " + UUID.randomUUID(), "not-an-email", Api.PASSWORD))
                .post("/api/v1/auth/register").then().spec(Problems.validationFailed()).body("errors[0].field", is("email"));
        Api.client().contentType(ContentType.JSON).body(Map.of("tenant", "x", "email", "a@b.c", "password", "p", "extra", 1))
                .post("/api/v1/auth/login").then().spec(Problems.validationFailed()).body("errors[0].field", is("extra"));
    }

    @Test
    void loginAnswersTokensOfTheBearerType() {
        Api.Tenant tenant = Api.register();
        Api.login(tenant.slug(), tenant.adminEmail().toUpperCase(), Api.PASSWORD).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", is("Bearer"))
                .body("expiresIn", is(900))
                .body("accessToken", notNullValue())
                .body("refreshToken", notNullValue());
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAnUnknownTenantAnswerTheSame401() {
        Api.Tenant tenant = Api.register();
        String detail = Api.login(tenant.slug(), tenant.adminEmail(), "wrong-password-123").then().spec(Problems.unauthorized())
                .extract().path("detail");
        Api.login(tenant.slug(), "nobody@example.com", Api.PASSWORD).then().spec(Problems.unauthorized()).body("detail",
                is(detail));
        Api.login("no-such-tenant-" + UUID.randomUUID(), tenant.adminEmail(), Api.PASSWORD).then().spec(Problems.unauthorized())
                .body("detail", is(detail));
    }

    @Test
    void theBootstrapAdministratorOfTheDefaultTenantCanLogIn() {
        String token = Api.platformAdminToken();
        Api.client().auth().oauth2(token).get("/api/v1/users/me").then()
                .statusCode(200).body("email", is(Api.ADMIN_EMAIL)).body("roles", hasItem("admin"));
    }
}
