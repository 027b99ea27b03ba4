package dev.flotilla.common.identity;

import dev.flotilla.testing.TestTokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class RememberedIdentitiesTest {

    @Inject
    RememberedIdentities identities;

    // No AuthenticationRequestContext is passed: answering must not need the blocking executor.
    private SecurityIdentity identityOf(String token) {
        return identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)), null)
                .await().indefinitely();
    }

    @Test
    void aRememberedTokenIsAnsweredOnTheCallingThreadWithItsSubjectAndRoles() {
        String subject = UUID.randomUUID().toString();
        String token = TestTokens.user(subject, UUID.randomUUID(), "admin", "member");
        given().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200);

        SecurityIdentity identity = identityOf(token);

        assertEquals(Set.of("admin", "member"), identity.getRoles());
        assertEquals(subject, ((JsonWebToken) identity.getPrincipal()).getSubject());
    }

    @Test
    void aTokenNotVerifiedYetIsLeftToTheVerifyingProvider() {
        String token = TestTokens.user(UUID.randomUUID(), "member");

        assertNull(identityOf(token));
    }

    @Test
    void aRequestWithARememberedTokenSeesTheSameCallerAsTheFirst() {
        UUID tenant = UUID.randomUUID();
        String token = TestTokens.user(tenant, "viewer");

        for (int request = 0; request < 2; request++) {
            given().auth().oauth2(token).get("/api/v1/caller").then().statusCode(200)
                    .body("tenant", equalTo(tenant.toString()))
                    .body("roles", contains("viewer"));
        }
    }
}
