package dev.flotilla.auth.oauth;

import dev.flotilla.common.error.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;

/**
 * Answers every failure of the OAuth endpoints in the RFC 6749 §5.2 form, also those the suite's
 * mappers turn into a problem document before an endpoint runs or around it: a method the endpoint
 * does not have, an Accept it cannot satisfy, a bearer token that fails verification, an
 * unavailable database. The problem's status and headers stay; its detail becomes the
 * {@code error_description}. Everywhere else problems stay problems.
 */
public class OAuthErrorForm {

    private static final String OAUTH_PATHS = "/oauth2/";

    @ServerResponseFilter
    public void inOAuthForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !request.getUriInfo().getPath().startsWith(OAUTH_PATHS)) {
            return;
        }
        String description = problem.detail() == null ? problem.title() : problem.detail();
        response.setEntity(Map.of("error", code(problem.status()), "error_description", description), null,
                MediaType.APPLICATION_JSON_TYPE);
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }

    /** The OAuth error code of a status: RFC 6750 §3.1 for the bearer token's failures, RFC 6749 otherwise. */
    static String code(int status) {
        return switch (status) {
            case 401 -> "invalid_token";
            case 403 -> "insufficient_scope";
            case 503 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }
}
