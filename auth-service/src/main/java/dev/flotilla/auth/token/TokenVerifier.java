package dev.flotilla.auth.token;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.key.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import java.security.Key;
import java.util.Optional;

/**
 * Verifies access tokens with auth-service's own published keys, straight from the {@link KeyRing}
 * (no HTTP round trip to itself, no port to know): RS256 only, a known {@code kid}, expiry within the
 * allowed skew, this issuer and audience. {@code flotilla.auth.also-trust-jwks-url} adds the keys of
 * one other JWKS.
 */
@ApplicationScoped
public class TokenVerifier {

    private final JwtConsumer consumer;

    public TokenVerifier(AuthConfig config, KeyRing keys) {
        Optional<VerificationKeyResolver> other = config.alsoTrustJwksUrl()
                .map(url -> new HttpsJwksVerificationKeyResolver(new HttpsJwks(url)));
        VerificationKeyResolver resolver = (jws, nesting) -> {
            Optional<? extends Key> own = keys.publicKey(jws.getKeyIdHeaderValue());
            if (own.isPresent()) {
                return own.get();
            }
            if (other.isPresent()) {
                return other.get().resolveKey(jws, nesting);
            }
            throw new UnresolvableKeyException("No published key has kid " + jws.getKeyIdHeaderValue());
        };
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(config.clockSkew())
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(resolver)
                .build();
    }

    /** The verified claims, or a failure naming why the token is not acceptable. */
    public JwtClaims verify(String token) throws InvalidJwtException {
        return consumer.processToClaims(token);
    }
}
