package dev.flotilla.auth.token;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.common.identity.RememberedTokens;
import dev.flotilla.common.identity.VerifiedToken;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Makes SmallRye JWT authenticate this service's callers with {@link TokenVerifier}, i.e. with the
 * keys auth-service itself signs with, instead of fetching its own JWKS over HTTP as the other
 * services do. Everything after verification (roles, {@code JsonWebToken} injection) is unchanged,
 * and verified tokens are remembered until they expire as in every service ({@link RememberedTokens};
 * here sized by {@code flotilla.auth.tokens.verified-cache-size}).
 */
@Singleton
@Alternative
@Priority(2) // above the shared module's RememberedTokens, which verifies through the JWKS
public class OwnKeysPrincipalFactory extends RememberedTokens {

    private final TokenVerifier verifier;

    public OwnKeysPrincipalFactory(TokenVerifier verifier, AuthConfig config) {
        super(config.tokens().verifiedCacheSize());
        this.verifier = verifier;
    }

    @Override
    protected JWTCallerPrincipal verify(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        try {
            return new VerifiedToken(token, "JWT", verifier.verify(token));
        } catch (InvalidJwtException e) {
            throw new ParseException("The token is not acceptable", e);
        }
    }
}
