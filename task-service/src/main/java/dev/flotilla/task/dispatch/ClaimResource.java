package dev.flotilla.task.dispatch;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/**
 * The claim through which an agent of the caller's tenant takes work (and hands back what it
 * finished). It shares {@code /api/v1/agents} with {@link dev.flotilla.task.agent.AgentResource},
 * the registry the agent is registered in.
 */
@Cancellable(false)
@Path("/api/v1/agents")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
public class ClaimResource {

    private final ClaimService claims;
    private final Caller caller;

    public ClaimResource(ClaimService claims, Caller caller) {
        this.claims = claims;
        this.caller = caller;
    }

    /**
     * Up to {@code max} tasks for this agent, each under a lease; long-polls up to {@code waitSeconds}.
     * Tasks named in {@code complete} are completed first, each outcome answered in {@code completions}.
     */
    // Cancellable, unlike every other endpoint of the service: an agent that hangs up during the
    // long poll must stop the wait, or the tasks claimed after it would sit under a lease nobody
    // holds. The claim runs on the pool directly (not Hibernate Reactive), which finishes and
    // releases its connection anyway.
    @POST
    @Path("{id}/claims")
    @Cancellable
    public Uni<Claims> claim(@RestPath UUID id, @Valid ClaimRequest request) {
        return claims.claim(caller.tenant(), id, request == null ? new ClaimRequest(null, null, null, null) : request);
    }
}
