package dev.flotilla.common.identity;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RememberedTokensTest {

    @Inject
    RememberedTokens tokens;

    @Test
    void aVerifiedTokenIsRememberedAndStillAccepted() {
        String token = TestTokens.user(UUID.randomUUID(), "member");

        given().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200);
        assertTrue(tokens.remembers(token));
        given().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200);
    }

    @Test
    void aTokenNotSeenBeforeIsVerifiedEvenWhileOthersAreRemembered() {
        UUID tenant = UUID.randomUUID();
        String genuine = TestTokens.user(tenant, "member");
        given().auth().oauth2(genuine).get("/api/v1/caller").then().statusCode(200);

        String forged = TestTokens.forged(tenant, "member");
        given().auth().oauth2(forged).get("/api/v1/caller").then().spec(Problems.unauthorized());
        assertFalse(tokens.remembers(forged));
    }

    @Test
    void anExpiredTokenIsRejectedAndNotRemembered() {
        String expired = TestTokens.expired(UUID.randomUUID(), "member");

        given().auth().oauth2(expired).get("/api/v1/caller").then().spec(Problems.unauthorized());
        assertFalse(tokens.remembers(expired));
    }

    @Test
    void theRememberedIdentityIsTheTokensSubjectWithItsGroupsAsRoles() {
        UUID tenant = UUID.randomUUID();
        String token = TestTokens.user("agent-7", tenant, "member", "viewer");
        given().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200);

        var identity = tokens.rememberedIdentity(token);
        assertEquals("agent-7", identity.getPrincipal().getName());
        assertEquals(Set.of("member", "viewer"), identity.getRoles());
    }
}
