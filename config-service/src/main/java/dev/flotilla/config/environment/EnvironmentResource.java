package dev.flotilla.config.environment;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The tenant's environments. Every member sees them; admins define and delete their own besides {@code dev},
 * {@code staging} and {@code prod}.
 */
@Cancellable(false)
@Path("/api/v1/environments")
@RolesAllowed(Roles.ADMIN)
public class EnvironmentResource {

    private final EnvironmentService environments;
    private final Caller caller;

    public EnvironmentResource(EnvironmentService environments, Caller caller) {
        this.environments = environments;
        this.caller = caller;
    }

    /** 201; 409 when it exists (built-in names too). */
    @POST
    public Uni<RestResponse<EnvironmentView>> create(@NotNull @Valid CreateEnvironment request, UriInfo uri) {
        return environments.create(caller.tenant(), caller.subject(), request)
                .map(view -> RestResponse.ResponseBuilder.<EnvironmentView> created(
                        uri.getAbsolutePathBuilder().path(view.name()).build()).entity(view).build());
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
    public Uni<Page<EnvironmentView>> list(@BeanParam @Valid PageParams page) {
        return environments.list(caller.tenant(), page);
    }

    @GET
    @Path("{name}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
    public Uni<EnvironmentView> get(@RestPath String name) {
        return environments.get(caller.tenant(), name);
    }

    /** Sets whether the environment's entries and flags change only through approved change requests. */
    @PATCH
    @Path("{name}")
    public Uni<EnvironmentView> update(@RestPath String name, @NotNull @Valid UpdateEnvironment request) {
        return environments.update(caller.tenant(), caller.subject(), name, request);
    }

    /** 204; 409 for a built-in environment or one that still holds entries. */
    @DELETE
    @Path("{name}")
    public Uni<RestResponse<Void>> delete(@RestPath String name) {
        return environments.delete(caller.tenant(), name).map(ignored -> RestResponse.noContent());
    }
}
