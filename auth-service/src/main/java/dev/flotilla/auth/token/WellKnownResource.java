package dev.flotilla.auth.token;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.key.KeyRing;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public discovery surface: the JWKS every service verifies with and the OpenID Provider
 * metadata that names it, so a standard OIDC/JOSE library needs nothing but the issuer URL.
 * Both are answered from memory, on the event loop: no hop to a worker thread.
 */
@Path("/.well-known")
@PermitAll
@NonBlocking
public class WellKnownResource {

    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private final KeyRing keys;
    private final AuthConfig config;

    public WellKnownResource(KeyRing keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Path("jwks.json")
    @Produces({ "application/jwk-set+json", MediaType.APPLICATION_JSON })
    public Response jwks() {
        // Short caching: verifiers see a rotation within minutes, and refetch at once on an unknown kid.
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
    }

    @GET
    @Path("openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> discovery(@Context UriInfo uri) {
        String base = withoutTrailingSlashes(config.publicUrl().orElseGet(() -> uri.getBaseUri().toString()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", config.issuer());
        doc.put("jwks_uri", base + JWKS_PATH);
        doc.put("token_endpoint", base + "/oauth2/token");
        doc.put("revocation_endpoint", base + "/oauth2/revoke");
        doc.put("introspection_endpoint", base + "/oauth2/introspect");
        doc.put("grant_types_supported", List.of("client_credentials", "refresh_token"));
        doc.put("response_types_supported", List.of("token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("revocation_endpoint_auth_methods_supported", List.of("none"));
        // A service may also introspect with its service token (Authorization: Bearer), which has no registered method name.
        doc.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("claims_supported", List.of("iss", "aud", "sub", "tid", "groups", "jti", "iat", "exp", "sid"));
        return doc;
    }

    // (Not String.replaceAll, which compiles its pattern on every call: this is asked for often.)
    private static String withoutTrailingSlashes(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }
}
