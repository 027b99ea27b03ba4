package dev.flotilla.auth.throttle;

import dev.flotilla.common.error.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The shared problem response for a lock-out, plus the {@code Retry-After} header it needs. */
public class LockedOutMapper {

    @ServerExceptionMapper
    public Response lockedOut(LockedOut e, HttpServerRequest request) {
        return Response.fromResponse(ProblemMappers.respond(request, e.type(), e.getMessage(), List.of()))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }
}
