package dev.flotilla.health.maintenance;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** Maintenance windows: during one, a target's failures open incidents as always, but no alert is sent. */
@Cancellable(false)
@Path("/api/v1/maintenance-windows")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER, Roles.VIEWER })
public class MaintenanceResource {

    private final MaintenanceService windows;
    private final Caller caller;

    public MaintenanceResource(MaintenanceService windows, Caller caller) {
        this.windows = windows;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<MaintenanceWindowView>> create(@NotNull CreateMaintenanceWindow request, UriInfo uri) {
        return windows.create(caller.tenant(), request)
                .map(window -> RestResponse.ResponseBuilder.<MaintenanceWindowView> created(
                        uri.getAbsolutePathBuilder().path(window.id().toString()).build())
                        .entity(MaintenanceWindowView.of(window)).build());
    }

    @GET
    public Uni<Page<MaintenanceWindowView>> list(@BeanParam @Valid PageParams page) {
        return windows.list(caller.tenant(), page).map(found -> found.map(MaintenanceWindowView::of));
    }

    @GET
    @Path("{id}")
    public Uni<MaintenanceWindowView> get(@RestPath UUID id) {
        return windows.get(caller.tenant(), id).map(MaintenanceWindowView::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return windows.delete(caller.tenant(), id).map(ignored -> RestResponse.noContent());
    }
}
