package dev.flotilla.auth.oauth;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * An error of the OAuth 2 endpoints, answered as RFC 6749 §5.2 prescribes
 * ({@code {"error": "...", "error_description": "..."}}) rather than as a problem document, because
 * OAuth client libraries parse that shape.
 */
public final class OAuthError extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean basicChallenge;

    public OAuthError(int status, String code, String description) {
        this(status, code, description, false);
    }

    public OAuthError(int status, String code, String description, boolean basicChallenge) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
        this.basicChallenge = basicChallenge;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    /** Maps the error to its RFC 6749 response. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response map(OAuthError e, HttpServerRequest request) {
            Response.ResponseBuilder response = Response.status(e.status)
                    .type(MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store")
                    .entity(Map.of("error", e.code, "error_description", e.getMessage()));
            if (e.basicChallenge) {
                response.header("WWW-Authenticate", "Basic realm=\"flotilla\"");
            }
            return response.build();
        }
    }
}
