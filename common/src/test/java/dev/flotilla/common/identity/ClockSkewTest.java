package dev.flotilla.common.identity;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * An expired token is accepted only within the suite's clock skew ({@code flotilla.auth.clock-skew},
 * 30 s): refused one second beyond it, accepted well within it (with room for a slow test machine).
 */
@QuarkusTest
class ClockSkewTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final String CALLER = "/api/v1/caller";

    /** The keys fetched once, so that a token's age when it is verified is its age when it was made. */
    @BeforeEach
    void fetchTheKeys() {
        given().auth().oauth2(TestTokens.user(TENANT, "member")).get(CALLER).then().statusCode(200);
    }

    @Test
    void aTokenExpiredJustBeyondTheClockSkewIsUnauthorized() {
        given().auth().oauth2(TestTokens.expiredSecondsAgo(31, TENANT, "member")).get(CALLER).then()
                .spec(Problems.unauthorized());
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsStillAccepted() {
        given().auth().oauth2(TestTokens.expiredSecondsAgo(25, TENANT, "member")).get(CALLER).then()
                .statusCode(200);
    }
}
