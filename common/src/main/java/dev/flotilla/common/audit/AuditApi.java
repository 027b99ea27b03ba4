package dev.flotilla.common.audit;

import dev.flotilla.common.client.PropagatedHeaders;
import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.servicetoken.TokenRejected;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * auth-service's audit API on the wire (the same base URL as its token endpoint). Used only through
 * {@link AuditTransport}, which adds the timeout, retries and circuit breaker.
 */
@RegisterRestClient(configKey = "auth")
@RegisterClientHeaders(PropagatedHeaders.class)
@Path("/api/v1/audit-events")
interface AuditApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> record(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId, AuditRecord event);

    /** 401: the service token was rejected. 408, 429 and 5xx: worth another attempt. Any other 4xx: refused. */
    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            return new TokenRejected("auth-service");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new AuditUnavailable(status);
        }
        return status >= 400 ? new AuditRefused(status) : null;
    }
}
