package dev.flotilla.auth.token;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.key.KeyRing;
import dev.flotilla.auth.key.SigningProvider;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.identity.Caller;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;

/**
 * Signs access tokens: RS256 JWTs (RFC 7519, compact JWS of RFC 7515) with the current key's
 * {@code kid} and the suite's claims ({@code iss}, {@code aud}, {@code sub}, {@code tid},
 * {@code groups}, {@code jti}, {@code iat}, {@code exp}; {@code sid}, the login session, for users).
 * <p>
 * The token is assembled here rather than by a JOSE library: its header is fixed per key (encoded
 * once), its claims are a handful of strings and numbers (written with Jackson's streaming
 * generator, {@link JsonDocuments}), and the signature comes straight from
 * the JCA provider that {@link SigningProvider} chose. A general-purpose library spent more CPU
 * building, encoding and looking up than the RSA signature itself costs in Java, on every login,
 * refresh and client_credentials grant. Verification still goes through jose4j
 * ({@link TokenVerifier}), and the tests verify issued tokens with an independent library.
 * Runs on the calling thread: a signature is short CPU work that never waits, so a hop to a worker
 * thread would only add latency.
 */
@Singleton // no client proxy: called on every token issued
public class AccessTokens {

    public static final String SESSION_CLAIM = "sid";
    private static final String GROUPS_CLAIM = "groups";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final AuthConfig config;
    private final KeyRing keys;
    private final SigningProvider signing;

    /** The encoded header of the key that signed last (keys change at most every few weeks). */
    private volatile EncodedHeader header = new EncodedHeader("", "");

    private record EncodedHeader(String kid, String encoded) {
    }

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
        byte[] claims = JsonDocuments.write(384, json -> {
            json.writeStringField("iss", config.issuer());
            json.writeStringField("aud", config.audience());
            json.writeStringField("sub", subject);
            json.writeStringField(Caller.TENANT_CLAIM, tenant.toString());
            json.writeArrayFieldStart(GROUPS_CLAIM);
            for (String role : new LinkedHashSet<>(roles)) {
                json.writeString(role);
            }
            json.writeEndArray();
            json.writeStringField("jti", Ids.next().toString());
            json.writeNumberField("iat", now);
            json.writeNumberField("exp", now + ttl.toSeconds());
            if (session != null) {
                json.writeStringField(SESSION_CLAIM, session.toString());
            }
        });

        String signingInput = headerOf(key.kid()) + '.' + BASE64URL.encodeToString(claims);
        try {
            byte[] signature = signing.rs256(key.privateKey(), signingInput.getBytes(StandardCharsets.US_ASCII));
            return new Issued(signingInput + '.' + BASE64URL.encodeToString(signature), ttl.toSeconds());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
    }

    /** {@code base64url({"typ":"JWT","kid":kid,"alg":"RS256"})}, encoded once per key. */
    private String headerOf(String kid) {
        EncodedHeader current = header;
        if (!current.kid().equals(kid)) {
            byte[] json = JsonDocuments.write(96, members -> {
                members.writeStringField("typ", "JWT");
                members.writeStringField("kid", kid);
                members.writeStringField("alg", "RS256");
            });
            current = new EncodedHeader(kid, BASE64URL.encodeToString(json));
            header = current;
        }
        return current.encoded();
    }
}
