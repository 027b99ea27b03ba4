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

    /** The challenge of a failed client authentication: the one scheme clients authenticate with in a header. */
    static final String BASIC_CHALLENGE = "Basic realm=\"flotilla\"";

    private final int status;
    private final String code;
    private final String challenge;

    public OAuthError(int status, String code, String description) {
        this(status, code, description, null);
    }

    private OAuthError(int status, String code, String description, String challenge) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
        this.challenge = challenge;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    /**
     * Client authentication failed: a 401 with a {@code WWW-Authenticate} challenge, which RFC 6749
     * §5.2 requires after HTTP Basic and RFC 9110 §15.5.2 requires of every 401, whichever way the
     * client sent its credentials.
     */
    public static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description, BASIC_CHALLENGE);
    }

    /** Maps the error to its RFC 6749 response. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response map(OAuthError e, HttpServerRequest request) {
            Response.ResponseBuilder response = Response.status(e.status)
                    .type(MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store")
                    .entity(Map.of("error", e.code, "error_description", e.getMessage()));
            if (e.challenge != null) {
                response.header("WWW-Authenticate", e.challenge);
            }
            return response.build();
        }
    }
}
