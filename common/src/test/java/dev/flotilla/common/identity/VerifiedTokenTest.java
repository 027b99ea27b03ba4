package dev.flotilla.common.identity;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokenTest {

    private final VerifiedToken token = new VerifiedToken("raw", "JWT", claims());

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("user-1");
        claims.setClaim(Caller.TENANT_CLAIM, "8d9e6a62-1b0c-4a6e-9a0e-3a1f6e2b7c11");
        claims.setStringListClaim("groups", List.of("member"));
        return claims;
    }

    @Test
    void aCustomClaimIsReadAsAnUnknownClaim() {
        assertEquals(Claims.UNKNOWN, token.getClaimType(Caller.TENANT_CLAIM));
        assertEquals("8d9e6a62-1b0c-4a6e-9a0e-3a1f6e2b7c11", token.getClaim(Caller.TENANT_CLAIM).toString().replace("\"", ""));
    }

    @Test
    void standardClaimsKeepTheirTypes() {
        assertEquals(Claims.sub, token.getClaimType("sub"));
        assertEquals("user-1", token.getSubject());
        assertEquals(Set.of("member"), token.getGroups());
    }

    @Test
    void theGroupsAreReadOnceAndCannotBeChangedByACaller() {
        assertSame(token.getGroups(), token.getGroups());
        assertThrows(UnsupportedOperationException.class, () -> token.getGroups().add("admin"));
    }
}
