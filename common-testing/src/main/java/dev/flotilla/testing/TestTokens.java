package dev.flotilla.testing;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tokens for tests, signed like auth-service signs them (RS256, {@code kid} header, the suite's
 * claims) with a key whose public half {@link TestEnvironment} serves as a JWKS. Built with jose4j,
 * independently of the verifier under test.
 */
public final class TestTokens {

    /** The issuer and audience the services expect by default. */
    public static final String ISSUER = "http://localhost:8081";
    public static final String AUDIENCE = "flotilla";

    private static final RsaJsonWebKey TRUSTED = newKey("test-key-1");
    /** Same kid as the trusted key, different key pair: a forgery. */
    private static final RsaJsonWebKey IMPOSTOR = newKey("test-key-1");

    private TestTokens() {
    }

    /** The JWKS document that makes {@link #TRUSTED} the key services trust. */
    public static String jwks() {
        return new JsonWebKeySet(TRUSTED).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** A valid access token of a user of {@code tenant} with {@code roles}. */
    public static String user(UUID tenant, String... roles) {
        return sign(claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofMinutes(15)), TRUSTED);
    }

    /** A valid token whose subject is {@code subject}. */
    public static String user(String subject, UUID tenant, String... roles) {
        return sign(claims(subject, tenant, List.of(roles), Duration.ofMinutes(15)), TRUSTED);
    }

    /** A valid token for a whole benchmark run: a day long. */
    public static String longLived(UUID tenant, String... roles) {
        return sign(claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofDays(1)), TRUSTED);
    }

    /** A token that expired a minute ago, otherwise valid. */
    public static String expired(UUID tenant, String... roles) {
        return sign(claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofMinutes(-1)), TRUSTED);
    }

    /** A token that expired {@code seconds} seconds ago, otherwise valid: for the clock-skew allowance. */
    public static String expiredSecondsAgo(long seconds, UUID tenant, String... roles) {
        return sign(claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofSeconds(-seconds)), TRUSTED);
    }

    /** A token with the trusted kid but signed by another key. */
    public static String forged(UUID tenant, String... roles) {
        return sign(claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofMinutes(15)), IMPOSTOR);
    }

    /** A token signed by the trusted key for another issuer. */
    public static String fromIssuer(String issuer, UUID tenant, String... roles) {
        JwtClaims claims = claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofMinutes(15));
        claims.setIssuer(issuer);
        return sign(claims, TRUSTED);
    }

    /** A token signed by the trusted key for another audience. */
    public static String forAudience(String audience, UUID tenant, String... roles) {
        JwtClaims claims = claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofMinutes(15));
        claims.setAudience(audience);
        return sign(claims, TRUSTED);
    }

    /** A token signed by the trusted key but naming a key id the JWKS does not hold. */
    public static String withUnknownKeyId(UUID tenant, String... roles) {
        JsonWebSignature jws = jws(claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofMinutes(15)));
        jws.setKey(TRUSTED.getPrivateKey());
        jws.setKeyIdHeaderValue("no-such-key");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return serialize(jws);
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public static String unsigned(UUID tenant, String... roles) {
        JsonWebSignature jws = jws(claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofMinutes(15)));
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setKeyIdHeaderValue(TRUSTED.getKeyId());
        return serialize(jws);
    }

    /**
     * The algorithm-confusion attack: HS256 with the trusted <em>public</em> key as the HMAC
     * secret, which a verifier that lets the token choose its algorithm would accept.
     */
    public static String hmacSignedWithThePublicKey(UUID tenant, String... roles) {
        JsonWebSignature jws = jws(claims(UUID.randomUUID().toString(), tenant, List.of(roles), Duration.ofMinutes(15)));
        jws.setKey(new HmacKey(TRUSTED.getPublicKey().getEncoded()));
        jws.setDoKeyValidation(false);
        jws.setKeyIdHeaderValue(TRUSTED.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        return serialize(jws);
    }

    private static JwtClaims claims(String subject, UUID tenant, List<String> roles, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        Instant now = Instant.now();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("tid", tenant.toString());
        claims.setStringListClaim("groups", roles);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(now.getEpochSecond(), now.plus(lifetime).getEpochSecond() - 60)));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = jws(claims);
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return serialize(jws);
    }

    private static JsonWebSignature jws(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        return jws;
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey newKey(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
