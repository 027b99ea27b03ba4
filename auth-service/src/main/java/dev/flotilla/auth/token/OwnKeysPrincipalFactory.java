package dev.flotilla.auth.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.flotilla.auth.config.AuthConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.Duration;
import java.time.Instant;

/**
 * Makes SmallRye JWT authenticate this service's callers with {@link TokenVerifier}, i.e. with the
 * keys auth-service itself signs with, instead of fetching its own JWKS over HTTP as the other
 * services do. Everything after verification (roles, {@code JsonWebToken} injection) is unchanged.
 *
 * <p>A client sends the same access token with every request for up to its lifetime, so the
 * principals of verified tokens are remembered, by the token's exact text, until the token expires
 * (plus the allowed skew): the RSA verification and the claim parsing then happen once per token
 * instead of once per request. Only an identical string hits, and an entry is gone when the token
 * would fail the expiry check, so a remembered answer is the one verifying again would give (keys
 * leave the JWKS only after every token they signed has expired). Rejected tokens are never
 * remembered. A principal is not changed after it is built, so requests can share it.
 */
@ApplicationScoped
@Alternative
@Priority(2) // above the shared module's RememberedTokens, which verifies through the JWKS
public class OwnKeysPrincipalFactory extends JWTCallerPrincipalFactory {

    private final TokenVerifier verifier;
    private final Cache<String, JWTCallerPrincipal> verified;

    public OwnKeysPrincipalFactory(TokenVerifier verifier, AuthConfig config) {
        this.verifier = verifier;
        Duration skew = config.tokens().clockSkew();
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.tokens().verifiedCacheSize())
                .expireAfter(Expiry.<String, JWTCallerPrincipal>creating((token, principal) ->
                        Duration.between(Instant.now(), Instant.ofEpochSecond(principal.getExpirationTime()).plus(skew))))
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal principal = verified.getIfPresent(token);
        if (principal != null) {
            return principal;
        }
        try {
            principal = new DefaultJWTCallerPrincipal(token, "JWT", verifier.verify(token));
        } catch (InvalidJwtException e) {
            throw new ParseException("The token is not acceptable", e);
        }
        verified.put(token, principal);
        return principal;
    }
}
