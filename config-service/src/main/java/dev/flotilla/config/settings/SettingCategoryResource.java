package dev.flotilla.config.settings;

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

/**
 * Settings categories: the built-in ones ({@code editor}, {@code llm}, {@code terminal},
 * {@code theme}, {@code workspace}) and those the tenant's admins create, optionally with a JSON
 * Schema for their values. Deleting a category deletes every setting and default in it.
 */
@Cancellable(false)
@Path("/api/v1/settings-categories")
@RolesAllowed(Roles.ADMIN)
public class SettingCategoryResource {

    private final CategoryService categories;
    private final Caller caller;

    public SettingCategoryResource(CategoryService categories, Caller caller) {
        this.categories = categories;
        this.caller = caller;
    }

    /** 201; 409 for a built-in or existing name; 422 for a schema that cannot be used. */
    @POST
    public Uni<RestResponse<CategoryView>> create(@NotNull @Valid CreateCategory request, UriInfo uri) {
        return categories.create(caller.tenant(), caller.subject(), request)
                .map(view -> RestResponse.ResponseBuilder.<CategoryView> created(
                        uri.getAbsolutePathBuilder().path(view.name()).build()).entity(view).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
    public Uni<Page<CategoryView>> list(@BeanParam @Valid PageParams page) {
        return categories.list(caller.tenant(), page);
    }

    @GET
    @Path("{name}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
    public Uni<CategoryView> get(@RestPath String name) {
        return categories.get(caller.tenant(), name);
    }

    /** 204; 409 for a built-in category. */
    @DELETE
    @Path("{name}")
    public Uni<RestResponse<Void>> delete(@RestPath String name) {
        return categories.delete(caller.tenant(), name).map(ignored -> RestResponse.noContent());
    }
}
