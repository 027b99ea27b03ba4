package dev.flotilla.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.flotilla.auth.key.KeyRing;
import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tokens auth-service signs: what they carry, that an independent JOSE library verifies them
 * from the discovery document alone, and that every kind of forgery is refused.
 */
@QuarkusTest
class TokenVerificationTest {

    private static final String ME = "/api/v1/users/me";

    @Inject
    KeyRing keys;

    @Test
    void theDiscoveryDocumentNamesTheIssuerTheJwksAndTheOAuthEndpoints() {
        given().get("/.well-known/openid-configuration").then()
                .statusCode(200)
                .body("issuer", is("http://localhost:8081"))
                .body("jwks_uri", notNullValue())
                .body("token_endpoint", notNullValue())
                .body("grant_types_supported", hasItem("client_credentials"))
                .body("id_token_signing_alg_values_supported", hasItem("RS256"));
    }

    @Test
    void theDiscoveryDocumentNamesTheClientAuthenticationMethodsOfIntrospection() {
        given().get("/.well-known/openid-configuration").then()
                .statusCode(200)
                .body("introspection_endpoint_auth_methods_supported",
                        is(List.of("client_secret_basic", "client_secret_post")));
    }

    @Test
    void theJwksPublishesRsaSigningKeysWithKids() {
        given().get("/.well-known/jwks.json").then()
                .statusCode(200)
                .body("keys[0].kty", is("RSA"))
                .body("keys[0].alg", is("RS256"))
                .body("keys[0].use", is("sig"))
                .body("keys[0].kid", notNullValue())
                .body("keys[0].d", is((Object) null));
    }

    @Test
    void anIndependentJoseLibraryVerifiesALoginTokenFromTheDiscoveryDocumentAlone() throws Exception {
        Api.Tenant tenant = Api.register();
        String jwksUri = given().get("/.well-known/openid-configuration").then().extract().path("jwks_uri");
        String issuer = given().get("/.well-known/openid-configuration").then().extract().path("issuer");

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(jwksUri).toURL()).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("flotilla",
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "tid", "groups", "jti", "exp", "iat")));
        JWTClaimsSet claims = processor.process(tenant.accessToken(), null);

        assertEquals(tenant.adminId(), claims.getSubject());
        assertEquals(tenant.id(), claims.getStringClaim("tid"));
        assertEquals(List.of("admin"), claims.getStringListClaim("groups"));
        long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertEquals(15 * 60, lifetime);
        String header = new String(Base64.getUrlDecoder().decode(tenant.accessToken().split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"kid\":\"" + keys.signingKey().kid() + "\""), header);
    }

    @Test
    void aTokenSignedWithOurKeyIsAccepted() {
        Api.Tenant tenant = Api.register();
        given().auth().oauth2(sign(claims(tenant), keys.signingKey().privateKey(), keys.signingKey().kid()))
                .get(ME).then().statusCode(200).body("id", is(tenant.adminId()));
    }

    @Test
    void aTamperedPayloadIsUnauthorized() {
        Api.Tenant tenant = Api.register();
        String[] parts = tenant.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"admin\"",
                "\"viewer\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        given().auth().oauth2(tampered).get(ME).then().spec(Problems.unauthorized()).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTamperedCopyOfAnAlreadyAcceptedTokenIsUnauthorized() {
        Api.Tenant tenant = Api.register();
        given().auth().oauth2(tenant.accessToken()).get(ME).then().statusCode(200);
        String[] parts = tenant.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"admin\"",
                "\"viewer\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        given().auth().oauth2(tampered).get(ME).then().spec(Problems.unauthorized());
        given().auth().oauth2(tenant.accessToken()).get(ME).then().statusCode(200);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsUnauthorized() {
        Api.Tenant tenant = Api.register();
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + keys.signingKey().kid() + "\"}");
        given().auth().oauth2(header + "." + b64(claims(tenant).toJson()) + ".").get(ME).then().spec(Problems.unauthorized());
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyIsUnauthorized() throws Exception {
        Api.Tenant tenant = Api.register();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(tenant).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(keys.signingKey().kid());
        jws.setKey(new HmacKey(keys.signingKey().publicKey().getEncoded()));
        given().auth().oauth2(jws.getCompactSerialization()).get(ME).then().spec(Problems.unauthorized());
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Api.Tenant tenant = Api.register();
        JwtClaims claims = claims(tenant);
        claims.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 3600));
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 120));
        given().auth().oauth2(sign(claims, keys.signingKey().privateKey(), keys.signingKey().kid())).get(ME).then()
                .spec(Problems.unauthorized());
    }

    @Test
    void aTokenOfAnotherIssuerIsUnauthorized() {
        JwtClaims claims = claims(Api.register());
        claims.setIssuer("https://impostor.example");
        given().auth().oauth2(sign(claims, keys.signingKey().privateKey(), keys.signingKey().kid())).get(ME).then()
                .spec(Problems.unauthorized());
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorized() {
        JwtClaims claims = claims(Api.register());
        claims.setAudience("someone-else");
        given().auth().oauth2(sign(claims, keys.signingKey().privateKey(), keys.signingKey().kid())).get(ME).then()
                .spec(Problems.unauthorized());
    }

    @Test
    void aTokenWithAnUnknownKidIsUnauthorized() throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        given().auth().oauth2(sign(claims(Api.register()), stranger.getPrivateKey(), "no-such-kid")).get(ME).then()
                .spec(Problems.unauthorized());
    }

    @Test
    void aTokenSignedByAnotherKeyUnderOurKidIsUnauthorized() throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        given().auth().oauth2(sign(claims(Api.register()), stranger.getPrivateKey(), keys.signingKey().kid())).get(ME).then()
                .spec(Problems.unauthorized());
    }

    private static JwtClaims claims(Api.Tenant tenant) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("http://localhost:8081");
        claims.setAudience("flotilla");
        claims.setSubject(tenant.adminId());
        claims.setClaim("tid", tenant.id());
        claims.setStringListClaim("groups", "admin");
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        return claims;
    }

    private static String sign(JwtClaims claims, Key key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
