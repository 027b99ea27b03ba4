package dev.flotilla.bench.verifying;

import dev.flotilla.testing.TestEnvironment;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two doors differ in who may pass and in nothing else. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class TrivialResourceTest {

    private static final String PUBLIC = "/bench/trivial/public";
    private static final String AUTHENTICATED = "/bench/trivial/authenticated";

    @Test
    void thePublicDoorAnswersAnyone() {
        given().get(PUBLIC).then().statusCode(200);
    }

    @Test
    void theAuthenticatedDoorTurnsAwayACallerWithoutAToken() {
        given().get(AUTHENTICATED).then().statusCode(401);
    }

    @Test
    void theAuthenticatedDoorTurnsAwayAForgedToken() {
        given().auth().oauth2(TestTokens.forged(UUID.randomUUID(), "member")).get(AUTHENTICATED).then().statusCode(401);
    }

    @Test
    void bothDoorsGiveAValidTokenTheSameAnswer() {
        String token = TestTokens.user(UUID.randomUUID(), "member");

        String open = given().auth().oauth2(token).get(PUBLIC).then().statusCode(200).extract().asString();
        String authenticated = given().auth().oauth2(token).get(AUTHENTICATED).then().statusCode(200).extract().asString();
        assertEquals(open, authenticated);
    }
}
