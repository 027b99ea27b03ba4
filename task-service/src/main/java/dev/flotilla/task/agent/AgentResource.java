package dev.flotilla.task.agent;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.Map;
import java.util.UUID;

/**
 * The agent registry of the caller's tenant. Members, admins and services write; viewers read too.
 * The claim through which agents take work, under the same path, is the dispatch package's
 * {@code ClaimResource}.
 */
@Cancellable(false)
@Path("/api/v1/agents")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
public class AgentResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final AgentService agents;
    private final AgentMetrics metrics;
    private final Caller caller;

    public AgentResource(AgentService agents, AgentMetrics metrics, Caller caller) {
        this.agents = agents;
        this.metrics = metrics;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<AgentView>> create(@NotNull @Valid CreateAgent request, UriInfo uri) {
        return agents.create(caller.tenant(), request)
                .map(agent -> RestResponse.ResponseBuilder.<AgentView> created(
                        uri.getAbsolutePathBuilder().path(agent.id().toString()).build()).entity(agent).build());
    }

    /**
     * Agents in registration order, filtered by {@code type}, {@code status} (ONLINE/OFFLINE), {@code lifecycle},
     * {@code capability}.
     */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<Page<AgentView>> list(@BeanParam @Valid PageParams page, @RestQuery AgentType type,
            @RestQuery AgentStatus status,
            @RestQuery AgentLifecycle lifecycle, @RestQuery String capability) {
        return agents.list(caller.tenant(), new AgentFilter(type, status, lifecycle, capability), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<AgentView> get(@RestPath UUID id) {
        return agents.get(caller.tenant(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    public Uni<AgentView> update(@RestPath UUID id, @NotNull @Valid UpdateAgent request) {
        return agents.update(caller.tenant(), id, request);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return agents.delete(caller.tenant(), id).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("{id}/activate")
    public Uni<AgentView> activate(@RestPath UUID id) {
        return agents.changeLifecycle(caller.tenant(), id, AgentLifecycle.ACTIVE);
    }

    @POST
    @Path("{id}/deactivate")
    public Uni<AgentView> deactivate(@RestPath UUID id) {
        return agents.changeLifecycle(caller.tenant(), id, AgentLifecycle.INACTIVE);
    }

    /** The agent finishes the tasks it holds and claims no new ones. */
    @POST
    @Path("{id}/drain")
    public Uni<AgentView> drain(@RestPath UUID id) {
        return agents.changeLifecycle(caller.tenant(), id, AgentLifecycle.DRAINING);
    }

    @POST
    @Path("{id}/heartbeat")
    public Uni<AgentHeartbeatView> heartbeat(@RestPath UUID id) {
        return agents.heartbeat(caller.tenant(), id);
    }

    /** Merges a JSON Merge Patch (RFC 7386) into the agent's memory ({@code facts}, {@code decisions}, {@code context}). */
    @PATCH
    @Path("{id}/memory")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    public Uni<AgentView> mergeMemory(@RestPath UUID id, @NotNull Map<String, Object> patch) {
        return agents.mergeMemory(caller.tenant(), id, patch);
    }

    /** Attempts ended, success rate, in-flight tasks and durations over {@code window} (ISO-8601, default configured). */
    @GET
    @Path("{id}/metrics")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<AgentMetricsView> metrics(@RestPath UUID id, @RestQuery String window) {
        return metrics.of(caller.tenant(), id, window);
    }
}
