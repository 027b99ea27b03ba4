package dev.flotilla.conversation.openai;

import dev.flotilla.common.error.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.HashMap;
import java.util.Map;

/**
 * Answers every failure under {@code /v1/} in OpenAI's error form, {@code {"error": {message, type, param, code}}},
 * which OpenAI's SDKs read into their exceptions; the problem's status and headers stay. Everywhere else problems stay
 * problems.
 */
public class OpenAiErrors {

    private static final String DOOR = "/v1/";

    @ServerResponseFilter
    public void inOpenAiForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !request.getUriInfo().getPath().startsWith(DOOR)) {
            return;
        }
        String param = problem.errors() == null || problem.errors().isEmpty() ? null : problem.errors().get(0).field();
        response.setEntity(Map.of("error", error(problem.status(), problem.detail() == null ? problem.title()
                : problem.detail(), param)), null, MediaType.APPLICATION_JSON_TYPE);
    }

    /** The error object of a status, with OpenAI's error types. */
    static Map<String, Object> error(int status, String message, String param) {
        Map<String, Object> error = new HashMap<>();
        error.put("message", message);
        error.put("type", switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        });
        error.put("param", param);
        error.put("code", null);
        return error;
    }
}
