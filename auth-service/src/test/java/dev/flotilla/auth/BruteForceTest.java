package dev.flotilla.auth;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

/** Repeated failed logins are slowed down per account and per client address. */
@QuarkusTest
class BruteForceTest {

    private static io.restassured.response.Response login(String address, String tenant, String email, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "email", email, "password", password)).post("/api/v1/auth/login");
    }

    @Test
    void afterFiveFailuresTheAccountIsLockedWith429AndRetryAfter() {
        Api.Tenant tenant = Api.register();
        for (int i = 0; i < 5; i++) {
            login("10.99.0." + (i + 1), tenant.slug(), tenant.adminEmail(), "wrong-password-" + i).then()
                    .spec(Problems.unauthorized());
        }
        login("10.99.0.10", tenant.slug(), tenant.adminEmail(), "wrong-password-x").then().spec(Problems.unauthorized());
        login("10.99.0.11", tenant.slug(), tenant.adminEmail(), "wrong-password-y").then()
                .spec(Problems.tooManyRequests())
                .header("Retry-After", notNullValue());
    }

    @Test
    void theCorrectPasswordDoesNotBypassAnActiveLockout() {
        Api.Tenant tenant = Api.register();
        for (int i = 0; i < 6; i++) {
            login("10.98.0." + (i + 1), tenant.slug(), tenant.adminEmail(), "wrong-password-" + i);
        }
        login("10.98.0.50", tenant.slug(), tenant.adminEmail(), Api.PASSWORD).then().spec(Problems.tooManyRequests());
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedOut() {
        String address = "10.97." + (int) (Math.random() * 250) + ".7";
        for (int i = 0; i < 21; i++) {
            login(address, "no-tenant-" + UUID.randomUUID(), "user" + i + "@example.com", "wrong-password-1").then()
                    .spec(Problems.unauthorized());
        }
        login(address, "no-tenant", "another@example.com", "wrong-password-1").then().spec(Problems.tooManyRequests())
                .header("Retry-After", notNullValue());
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsEarlierFailures() {
        Api.Tenant tenant = Api.register();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                login("10.96." + round + "." + (i + 1), tenant.slug(), tenant.adminEmail(), "wrong-password-" + i).then()
                        .spec(Problems.unauthorized());
            }
            login("10.96." + round + ".9", tenant.slug(), tenant.adminEmail(), Api.PASSWORD).then().statusCode(200);
        }
    }
}
