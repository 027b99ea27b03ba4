package dev.flotilla.common.identity;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests whose token is remembered: identified at once, with the same caller, roles and checks. */
@QuarkusTest
class RememberedIdentitiesTest {

    @Inject
    RememberedTokens tokens;

    private String rememberedToken(UUID tenant, String... roles) {
        String token = TestTokens.user(tenant, roles);
        given().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200);
        assertTrue(tokens.remembers(token));
        return token;
    }

    @Test
    void aRequestWithARememberedTokenSeesTheSameCallerAsTheFirst() {
        UUID tenant = UUID.randomUUID();
        String token = rememberedToken(tenant, "viewer");

        given().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200)
                .body("tenant", equalTo(tenant.toString()))
                .body("roles", contains("viewer"));
    }

    @Test
    void aRememberedTokenStillNeedsTheRoleAnEndpointAsksFor() {
        String token = rememberedToken(UUID.randomUUID(), "member");

        given().auth().oauth2(token).delete("/api/v1/widgets/" + UUID.randomUUID()).then().spec(Problems.forbidden());
    }

    @Test
    void aRememberedTokenCarriesItsRolesToRoleCheckedEndpoints() {
        String token = rememberedToken(UUID.randomUUID(), "admin");

        given().auth().oauth2(token).delete("/api/v1/widgets/" + UUID.randomUUID()).then().statusCode(204);
    }

    @Test
    void aCopyOfARememberedTokenChangedInItsSignatureIsRejected() {
        String token = rememberedToken(UUID.randomUUID(), "admin");
        // A character well before the end: the copy is as long as the original and ends the same.
        int changed = token.length() - 40;
        String altered = token.substring(0, changed) + (token.charAt(changed) == 'A' ? 'B' : 'A')
                + token.substring(changed + 1);

        given().auth().oauth2(altered).get("/api/v1/caller").then().spec(Problems.unauthorized());
    }

    @Test
    void theBearerSchemeIsMatchedWhateverItsCase() {
        UUID tenant = UUID.randomUUID();
        String token = rememberedToken(tenant, "member");

        given().header("Authorization", "bearer " + token).get("/api/v1/caller").then().statusCode(200)
                .body("tenant", equalTo(tenant.toString()));
    }
}
