package dev.flotilla.auth.token;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.key.KeyRing;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.identity.Caller;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;

/**
 * Signs access tokens: RS256 JWTs with the current key's {@code kid} and the suite's claims
 * ({@code iss}, {@code aud}, {@code sub}, {@code tid}, {@code groups}, {@code jti}, {@code iat},
 * {@code exp}; {@code sid}, the login session, for users).
 */
@ApplicationScoped
public class AccessTokens {

    public static final String SESSION_CLAIM = "sid";

    private final AuthConfig config;
    private final KeyRing keys;

    public AccessTokens(AuthConfig config, KeyRing keys) {
        this.config = config;
        this.keys = keys;
    }

    /** A signed token and its lifetime in seconds. */
    public record Issued(String token, long expiresIn) {
    }

    public Issued forUser(UUID user, UUID tenant, Collection<String> roles, UUID session) {
        return sign(user.toString(), tenant, roles, session, config.tokens().accessTtl());
    }

    public Issued forClient(String clientId, UUID tenant, Collection<String> roles) {
        return sign(clientId, tenant, roles, null, config.tokens().serviceTtl());
    }

    private Issued sign(String subject, UUID tenant, Collection<String> roles, UUID session, Duration ttl) {
        KeyRing.LoadedKey key = keys.signingKey();
        long now = Instant.now().getEpochSecond();
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(subject)
                .claim(Caller.TENANT_CLAIM, tenant.toString())
                .groups(new HashSet<>(roles))
                .claim("jti", Ids.next().toString())
                .issuedAt(now)
                .expiresAt(now + ttl.toSeconds());
        if (session != null) {
            claims.claim(SESSION_CLAIM, session.toString());
        }
        String token = claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.privateKey());
        return new Issued(token, ttl.toSeconds());
    }
}
