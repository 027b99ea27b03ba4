package dev.flotilla.auth.oauth;

import dev.flotilla.auth.web.Origin;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.Map;

/**
 * The OAuth 2 endpoints for the ecosystem, form-encoded as the RFCs prescribe: the token endpoint
 * (grants {@code client_credentials} and {@code refresh_token}), revocation (RFC 7009) and
 * introspection (RFC 7662, for service callers). Each reads its body as text and decodes it with
 * {@link OAuthForm}, which checks its media type, bounds it and answers a malformed form in the
 * OAuth error form. (No {@code @Consumes}: the framework would refuse another media type with a 415
 * problem, which OAuth clients cannot read.)
 */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/oauth2")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {

    private final OAuthService oauth;

    public OAuthResource(OAuthService oauth) {
        this.oauth = oauth;
    }

    @POST
    @Path("token")
    @PermitAll
    public Uni<Response> token(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED)) String body,
            @RestHeader("Content-Type") String contentType, @RestHeader("Authorization") String authorization,
            @Context HttpServerRequest http) {
        OAuthForm form = OAuthForm.parse(contentType, body);
        ClientCredentials credentials = ClientCredentials.of(authorization, form.get("client_id"), form.get("client_secret"));
        return oauth.token(form.get("grant_type"), credentials, form.get("refresh_token"), form.get("scope"), Origin.of(http))
                .map(answer -> Response.ok(answer).header("Cache-Control", "no-store").build());
    }

    /** Revokes a refresh token (ending its session). Always 200, also for unknown tokens (RFC 7009 §2.2). */
    @POST
    @Path("revoke")
    @PermitAll
    public Uni<Response> revoke(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED)) String body,
            @RestHeader("Content-Type") String contentType, @Context HttpServerRequest http) {
        return oauth.revoke(OAuthForm.parse(contentType, body).get("token"), Origin.of(http))
                .map(ignored -> Response.ok().build());
    }

    /**
     * Introspects a token for a service: authenticated by its service token ({@code Bearer}) or as
     * a service client, with HTTP Basic or {@code client_id}/{@code client_secret} in the form.
     */
    @POST
    @Path("introspect")
    @PermitAll
    public Uni<Map<String, Object>> introspect(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED)) String body,
            @RestHeader("Content-Type") String contentType, @RestHeader("Authorization") String authorization) {
        OAuthForm form = OAuthForm.parse(contentType, body);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return oauth.introspect(ClientCredentials.of(authorization, form.get("client_id"), form.get("client_secret")), bearer,
                form.get("token"), form.get("token_type_hint"));
    }

    /** The client's credentials from HTTP Basic ({@code client_secret_basic}) or the form ({@code client_secret_post}). */
    public record ClientCredentials(String clientId, String clientSecret, boolean basic) {

        /** Whether the client tried to authenticate at all (a malformed Authorization: Basic counts). */
        boolean presented() {
            return basic || clientId != null || clientSecret != null;
        }

        static ClientCredentials of(String authorization, String formId, String formSecret) {
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                            java.nio.charset.StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    if (colon > 0) {
                        return new ClientCredentials(decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1)),
                                true);
                    }
                } catch (IllegalArgumentException malformed) {
                    return new ClientCredentials(null, null, true);
                }
                return new ClientCredentials(null, null, true);
            }
            return new ClientCredentials(formId, formSecret, false);
        }

        private static String decode(String part) {
            return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
