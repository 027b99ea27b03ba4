package dev.flotilla.auth;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.is;

/**
 * Passwords that are not well-formed Unicode: a lone UTF-16 surrogate (valid as a JSON escape, but no
 * character). A new password like that is a 400 naming the field; presented as an existing password it
 * is simply wrong, as no such password can have been set.
 */
@QuarkusTest
class MalformedPasswordTest {

    /** A JSON string literal: "\ud800" followed by enough characters to pass the length rule. */
    private static final String LONE_SURROGATE = "\"\\ud800-a-long-enough-passphrase\"";

    @Test
    void registeringWithALoneSurrogateInThePasswordNamesTheField() {
        Api.client().contentType(ContentType.JSON)
                .body("{\"tenantName\": \"Acme " + UUID.randomUUID() + "\", \"email\": \"owner-" + UUID.randomUUID()
                        + "@example.com\", \"password\": " + LONE_SURROGATE + ", \"displayName\": \"Owner\"}")
                .post("/api/v1/auth/register").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("password"));
    }

    @Test
    void creatingAUserWithALoneSurrogateInThePasswordNamesTheField() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body("{\"email\": \"user-" + UUID.randomUUID() + "@example.com\", \"displayName\": \"A user\","
                        + " \"roles\": [\"member\"], \"password\": " + LONE_SURROGATE + "}")
                .post("/api/v1/users").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("password"));
    }

    @Test
    void aLoneSurrogateInALoginPasswordIsAWrongPassword() {
        Api.Tenant tenant = Api.register();
        Api.client().contentType(ContentType.JSON)
                .body("{\"tenant\": \"" + tenant.slug() + "\", \"email\": \"" + tenant.adminEmail() + "\", \"password\": "
                        + LONE_SURROGATE + "}")
                .post("/api/v1/auth/login").then().spec(Problems.unauthorized());
    }

    @Test
    void aLoneSurrogateInTheNewPasswordNamesTheField() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body("{\"currentPassword\": \"" + Api.PASSWORD + "\", \"newPassword\": " + LONE_SURROGATE + "}")
                .put("/api/v1/users/me/password").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("newPassword"));
        Api.login(tenant.slug(), tenant.adminEmail(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void aLoneSurrogateInTheCurrentPasswordIsAWrongCurrentPassword() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body("{\"currentPassword\": " + LONE_SURROGATE + ", \"newPassword\": \"an-even-longer-passphrase\"}")
                .put("/api/v1/users/me/password").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("currentPassword"));
    }
}
