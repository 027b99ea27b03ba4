package dev.flotilla.common.client;

import dev.flotilla.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PropagatedHeadersTest {

    @Test
    void aCallToAnotherServiceCarriesTheCallersTokenAndRequestId() {
        String token = TestTokens.user(UUID.randomUUID(), "member");
        given().auth().oauth2(token).header("X-Request-Id", "relay-1").get("/test/relay").then()
                .statusCode(200)
                .body("authorization", is("Bearer " + token))
                .body("requestId", is("relay-1"));
    }

    @Test
    void aCallWithoutAnIncomingRequestIdStillGetsOne() {
        given().get("/test/relay").then()
                .statusCode(200)
                .body("requestId", notNullValue());
    }
}
