package dev.flotilla.auth.token;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Makes SmallRye JWT authenticate this service's callers with {@link TokenVerifier}, i.e. with the
 * keys auth-service itself signs with, instead of fetching its own JWKS over HTTP as the other
 * services do. Everything after verification (roles, {@code JsonWebToken} injection) is unchanged.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class OwnKeysPrincipalFactory extends JWTCallerPrincipalFactory {

    private final TokenVerifier verifier;

    public OwnKeysPrincipalFactory(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        try {
            return new DefaultJWTCallerPrincipal(token, "JWT", verifier.verify(token));
        } catch (InvalidJwtException e) {
            throw new ParseException("The token is not acceptable", e);
        }
    }
}
