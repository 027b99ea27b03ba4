package dev.flotilla.auth.token;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.key.KeyRing;
import dev.flotilla.auth.key.SigningProvider;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens: RS256 JWTs with the current key's {@code kid} and the suite's claims
 * ({@code iss}, {@code aud}, {@code sub}, {@code tid}, {@code groups}, {@code jti}, {@code iat},
 * {@code exp}; {@code sid}, the login session, for users). Signed with jose4j directly rather than
 * through SmallRye JWT Build, whose builder cannot name the JCA provider that signs
 * ({@link SigningProvider}). Runs on the calling thread: one signature is about a millisecond of CPU.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String SESSION_CLAIM = "sid";
    private static final String GROUPS_CLAIM = "groups";

    private final AuthConfig config;
    private final KeyRing keys;
    private final SigningProvider signing;

    public AccessTokens(AuthConfig config, KeyRing keys, SigningProvider signing) {
        this.config = config;
        this.keys = keys;
        this.signing = signing;
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
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setAudience(config.audience());
        claims.setSubject(subject);
        claims.setClaim(Caller.TENANT_CLAIM, tenant.toString());
        claims.setStringListClaim(GROUPS_CLAIM, List.copyOf(new LinkedHashSet<>(roles)));
        claims.setJwtId(Ids.next().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + ttl.toSeconds()));
        if (session != null) {
            claims.setClaim(SESSION_CLAIM, session.toString());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setProviderContext(signing.joseContext());
        jws.setHeader(HeaderParameterNames.TYPE, "JWT");
        jws.setKeyIdHeaderValue(key.kid());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(key.privateKey());
        jws.setPayload(claims.toJson());
        try {
            return new Issued(jws.getCompactSerialization(), ttl.toSeconds());
        } catch (JoseException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
    }
}
