package dev.flotilla.conversation.model;

import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The problem responses of model calls the shared table lacks: {@code Retry-After} on a 503, and
 * the 502 of a provider that failed us (there is no shared problem type for a bad gateway).
 */
public class ModelProblems {

    /** The {@code type} of a provider's failure. */
    public static final String BAD_GATEWAY = "urn:flotilla:problem:bad-gateway";

    private static final Logger LOG = Logger.getLogger(ModelProblems.class);

    @ServerExceptionMapper
    public Response unavailable(ModelUnavailable e, HttpServerRequest request) {
        return Response.fromResponse(ProblemMappers.respond(request, e.type(), e.getMessage(), List.of()))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response providerFault(ModelProviderFault e, HttpServerRequest request) {
        LOG.warnf("%s %s failed at the model provider (request %s): %s", request.method(), request.path(),
                RequestIds.current(), e.getMessage());
        Problem body = new Problem(BAD_GATEWAY, "Bad gateway", 502, e.getMessage(), request.path(), List.of(),
                RequestIds.current());
        return Response.status(502).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
