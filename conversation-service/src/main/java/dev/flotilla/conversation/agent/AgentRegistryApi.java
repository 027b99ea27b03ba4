package dev.flotilla.conversation.agent;

import dev.flotilla.common.client.PropagatedHeaders;
import dev.flotilla.common.correlation.RequestIds;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * task-service's agent registry on the wire ({@code GET /api/v1/agents/{id}}), read with the user's token. Used only
 * through {@link AgentRegistryTransport}, which adds the timeout, retry and circuit breaker.
 */
@RegisterRestClient(configKey = "task")
@RegisterClientHeaders(PropagatedHeaders.class)
@Path("/api/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
interface AgentRegistryApi {

    @GET
    @Path("{id}")
    Uni<RegisteredAgent> agent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId, @PathParam("id") UUID id);

    /**
     * A 4xx is task-service's answer about this agent or this token (not found, forbidden): neither retried nor a
     * failure for the breaker; 408 and 429, being about its load, are.
     */
    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        int status = response.getStatus();
        boolean refused = status >= 400 && status < 500 && status != 408 && status != 429;
        return refused ? new AgentRefused(status) : null;
    }
}
