package dev.flotilla.config.ofrep;

import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes {@link OfrepFailure}s as OFREP's error bodies inside problem responses. */
public class OfrepFailures {

    private static final Logger LOG = Logger.getLogger(OfrepFailures.class);

    @ServerExceptionMapper
    public Response failure(OfrepFailure e, HttpServerRequest request) {
        ProblemType type = e.status() == 404 ? ProblemType.NOT_FOUND : ProblemType.BAD_REQUEST;
        LOG.debugf("%s %s answered %d: %s %s", request.method(), request.path(), e.status(), e.errorCode(), e.getMessage());
        OfrepProblem body = new OfrepProblem(type.uri(), type.title(), e.status(), e.getMessage(), request.path(),
                RequestIds.current(), e.key(), e.errorCode().name(), e.getMessage(), e.metadata());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
