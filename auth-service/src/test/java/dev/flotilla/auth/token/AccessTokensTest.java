package dev.flotilla.auth.token;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.config.TestAuthConfig;
import dev.flotilla.auth.key.KeyRing;
import dev.flotilla.auth.key.SigningProvider;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The access tokens auth-service signs, read back with the verifier it authenticates its own callers with. */
class AccessTokensTest {

    private static final KeyPair PAIR = generate();
    private static final SigningProvider SIGNING = new SigningProvider();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();

    private final AuthConfig config = TestAuthConfig.with(Map.of("flotilla.auth.tokens.service-ttl", "PT5M"));
    private final OneKeyRing ring = new OneKeyRing("kid-1");
    private final AccessTokens tokens = new AccessTokens(config, ring, SIGNING);
    private final TokenVerifier verifier = new TokenVerifier(config, ring);

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key ring of one key, under a kid that a test may change (as a rotation would). */
    private static final class OneKeyRing extends KeyRing {
        private volatile LoadedKey key;

        OneKeyRing(String kid) {
            rotateTo(kid);
        }

        void rotateTo(String kid) {
            try {
                key = new LoadedKey(kid, (RSAPublicKey) PAIR.getPublic(), SIGNING.prepare(PAIR.getPrivate()), Instant.EPOCH,
                        null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public LoadedKey signingKey() {
            return key;
        }

        @Override
        public Optional<RSAPublicKey> publicKey(String kid) {
            return key.kid().equals(kid) ? Optional.of(key.publicKey()) : Optional.empty();
        }
    }

    private JwtClaims verified(AccessTokens.Issued issued) throws Exception {
        return verifier.verify(issued.token());
    }

    private static String headerOf(AccessTokens.Issued issued) {
        return new String(Base64.getUrlDecoder().decode(issued.token().split("\\.")[0]), StandardCharsets.UTF_8);
    }

    @Test
    void aUserTokenNamesTheUserTheirTenantAndRoles() throws Exception {
        JwtClaims claims = verified(tokens.forUser(USER, TENANT, List.of("admin", "member"), SESSION));

        assertEquals(List.of(USER.toString(), TENANT.toString(), List.of("admin", "member")),
                List.of(claims.getSubject(), claims.getStringClaimValue("tid"), claims.getStringListClaimValue("groups")));
    }

    @Test
    void aUserTokenNamesItsLoginSession() throws Exception {
        assertEquals(SESSION.toString(),
                verified(tokens.forUser(USER, TENANT, List.of("admin"), SESSION)).getStringClaimValue("sid"));
    }

    @Test
    void aUserTokenLivesForTheAccessTokenLifetime() throws Exception {
        AccessTokens.Issued issued = tokens.forUser(USER, TENANT, List.of("admin"), SESSION);
        JwtClaims claims = verified(issued);

        assertEquals(List.of(900L, 900L), List.of(issued.expiresIn(),
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()));
    }

    @Test
    void aClientTokenNamesTheClientAndCarriesNoSession() throws Exception {
        JwtClaims claims = verified(tokens.forClient("svc-1", TENANT, List.of("service")));

        assertEquals("svc-1", claims.getSubject());
        assertFalse(claims.hasClaim("sid"));
    }

    @Test
    void aClientTokenLivesForTheServiceTokenLifetime() {
        assertEquals(300, tokens.forClient("svc-1", TENANT, List.of("service")).expiresIn());
    }

    @Test
    void aTokenCarriesTheConfiguredIssuerAndAudience() throws Exception {
        JwtClaims claims = verified(tokens.forClient("svc-1", TENANT, List.of("service")));

        assertEquals(List.of("http://localhost:8081", List.of("flotilla")), List.of(claims.getIssuer(), claims.getAudience()));
    }

    @Test
    void aRoleGivenTwiceIsWrittenOnce() throws Exception {
        JwtClaims claims = verified(tokens.forUser(USER, TENANT, List.of("admin", "member", "admin"), SESSION));

        assertEquals(List.of("admin", "member"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void everyTokenHasItsOwnId() throws Exception {
        assertNotEquals(verified(tokens.forClient("svc-1", TENANT, List.of("service"))).getJwtId(),
                verified(tokens.forClient("svc-1", TENANT, List.of("service"))).getJwtId());
    }

    @Test
    void theHeaderNamesTheTypeTheSigningKeyAndTheAlgorithm() {
        assertEquals("{\"typ\":\"JWT\",\"kid\":\"kid-1\",\"alg\":\"RS256\"}",
                headerOf(tokens.forClient("svc-1", TENANT, List.of("service"))));
    }

    @Test
    void afterARotationTheHeaderNamesTheNewKey() {
        tokens.forClient("svc-1", TENANT, List.of("service"));
        ring.rotateTo("kid-2");

        assertEquals("{\"typ\":\"JWT\",\"kid\":\"kid-2\",\"alg\":\"RS256\"}",
                headerOf(tokens.forClient("svc-1", TENANT, List.of("service"))));
    }
}
