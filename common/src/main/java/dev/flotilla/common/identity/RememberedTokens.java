package dev.flotilla.common.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.consumer.JwtContext;

import java.time.Duration;
import java.time.Instant;

/**
 * Verifies bearer tokens as SmallRye JWT always does (JWKS, RS256, issuer, audience, expiry), and
 * remembers the principal of each verified token, and the security identity made of it, by the
 * token's exact text, until the token expires. A client sends the same access token with every
 * request for its whole lifetime, so the signature check, claim parsing and building the identity,
 * the dearest part of a small request, happen once per token instead of once per request.
 *
 * <p>
 * A remembered answer is the one verifying again would give: only an identical string hits, the
 * issuer and audience checked are fixed configuration, the entry is gone when the token expires,
 * and a signing key leaves the JWKS only after every token it signed has expired. Rejected tokens
 * are never remembered. Principals are not changed after they are built, so requests may share one.
 *
 * <p>
 * {@code flotilla.auth.remembered-tokens} bounds the number of tokens remembered (default 1000,
 * a few MB; {@code 0} turns remembering off). auth-service, which verifies with its own keys,
 * extends it with a higher priority and its own {@link #verify}.
 */
@Singleton // no client proxy: the factory is called on every authenticated request
@Alternative
@Priority(1)
public class RememberedTokens extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser jwksVerifier = new DefaultJWTTokenParser();
    private final Cache<TokenKey, Remembered> verified;

    public RememberedTokens(@ConfigProperty(name = "flotilla.auth.remembered-tokens", defaultValue = "1000") long capacity) {
        this.verified = Caffeine.newBuilder()
                // The cache's upkeep (draining the buffer of recorded reads, expiring) runs on the
                // thread that triggers it, a few entries at a time: handing it to the common pool
                // (the default) costs a thread hop that showed on a trivial request's time
                // (bench/RESULTS.md, "Figures behind code comments").
                .executor(Runnable::run)
                .maximumSize(capacity)
                .expireAfter(Expiry.<TokenKey, Remembered> creating((token, remembered) -> untilExpiry(remembered.principal())))
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        TokenKey key = new TokenKey(token);
        Remembered remembered = verified.getIfPresent(key);
        if (remembered != null) {
            return remembered.principal();
        }
        JWTCallerPrincipal principal = verify(token, authContextInfo);
        verified.put(key, new Remembered(principal, identity(principal, token)));
        return principal;
    }

    /** Verifies a token not remembered yet; throws for any token that is not acceptable. */
    protected JWTCallerPrincipal verify(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext verified = jwksVerifier.parse(token, authContextInfo);
        return new VerifiedToken(verified.getJoseObjects().get(0).getHeader("typ"), verified.getJwtClaims());
    }

    // A token accepted within the allowed clock skew may already be past its expiry: not kept.
    private static Duration untilExpiry(JWTCallerPrincipal principal) {
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(principal.getExpirationTime()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The security identity of {@code token} if it is remembered as verified, else {@code null}. */
    public SecurityIdentity rememberedIdentity(String token) {
        Remembered remembered = verified.getIfPresent(new TokenKey(token));
        return remembered == null ? null : remembered.identity();
    }

    /** Whether {@code token} is remembered as verified (for tests of this class). */
    boolean remembers(String token) {
        return rememberedIdentity(token) != null;
    }

    /**
     * The identity SmallRye JWT builds for a token (its principal, credential and groups as roles),
     * built once and shared by every request that sends the token: it is immutable. For that reason
     * it lacks the one per-request attribute SmallRye adds, the request's {@code RoutingContext},
     * which only permission checkers and identity augmentors read; Flotilla has neither.
     */
    private static SecurityIdentity identity(JWTCallerPrincipal principal, String token) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addCredential(new JsonWebTokenCredential(token))
                .addRoles(principal.getGroups())
                .addAttribute(SecurityIdentity.USER_ATTRIBUTE, principal)
                .build();
    }

    private record Remembered(JWTCallerPrincipal principal, SecurityIdentity identity) {
    }

    /**
     * A token as a key: equal only to the identical token, hashed on its last characters instead of
     * all of its several hundred on every request. They are the end of the signature, as good as random for
     * the only tokens stored, verified ones, so they spread entries as well as the whole text would.
     */
    private record TokenKey(String token) {

        private static final int HASHED_CHARACTERS = 16;

        @Override
        public int hashCode() {
            int hash = 0;
            for (int i = Math.max(0, token.length() - HASHED_CHARACTERS); i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenKey key && token.equals(key.token);
        }
    }
}
