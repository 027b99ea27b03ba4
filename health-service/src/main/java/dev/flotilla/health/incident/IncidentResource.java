package dev.flotilla.health.incident;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** The tenant's incidents and the platform's, with their timelines; the tenant's own are updated here. */
@Cancellable(false)
@Path("/api/v1/incidents")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER, Roles.VIEWER })
public class IncidentResource {

    private final IncidentService incidents;
    private final Caller caller;

    public IncidentResource(IncidentService incidents, Caller caller) {
        this.incidents = incidents;
        this.caller = caller;
    }

    @GET
    public Uni<Page<IncidentView>> list(@RestQuery String status, @BeanParam @Valid PageParams page) {
        return incidents.list(caller.tenant(), status, page)
                .map(found -> found.map(incident -> IncidentView.of(incident, null)));
    }

    @GET
    @Path("{id}")
    public Uni<IncidentView> get(@RestPath UUID id) {
        return incidents.get(caller.tenant(), id);
    }

    @GET
    @Path("{id}/updates/{updateId}")
    public Uni<IncidentUpdate> timelineEntry(@RestPath UUID id, @RestPath UUID updateId) {
        return incidents.timelineEntry(caller.tenant(), id, updateId);
    }

    @POST
    @Path("{id}/updates")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<IncidentUpdate>> update(@RestPath UUID id, @NotNull PostIncidentUpdate request, UriInfo uri) {
        return incidents.update(caller.tenant(), id, request, caller.subject())
                .map(update -> RestResponse.ResponseBuilder.<IncidentUpdate> created(
                        uri.getAbsolutePathBuilder().path(update.id().toString()).build()).entity(update).build());
    }
}
