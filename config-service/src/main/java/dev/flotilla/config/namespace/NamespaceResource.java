package dev.flotilla.config.namespace;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The tenant's namespaces of configuration: members read them, admins and services create and delete them. */
@Cancellable(false)
@Path("/api/v1/namespaces")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class NamespaceResource {

    /** The number of a namespace's latest revision, on every answer about it (Consul's {@code X-Consul-Index}). */
    public static final String INDEX_HEADER = "X-Flotilla-Index";

    private final NamespaceService namespaces;
    private final Caller caller;

    public NamespaceResource(NamespaceService namespaces, Caller caller) {
        this.namespaces = namespaces;
        this.caller = caller;
    }

    /** 201; 409 when the name is taken. */
    @POST
    public Uni<RestResponse<NamespaceView>> create(@NotNull @Valid CreateNamespace request, UriInfo uri) {
        return namespaces.create(caller.tenant(), caller.subject(), request)
                .map(view -> RestResponse.ResponseBuilder.<NamespaceView> created(
                        uri.getAbsolutePathBuilder().path(view.name()).build()).entity(view)
                        .header(HttpHeaders.ETAG, view.etag()).header(INDEX_HEADER, view.index()).build());
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
    public Uni<Page<NamespaceView>> list(@BeanParam @Valid PageParams page) {
        return namespaces.list(caller.tenant(), page);
    }

    @GET
    @Path("{ns}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<NamespaceView>> get(@RestPath String ns) {
        return namespaces.get(caller.tenant(), ns).map(view -> RestResponse.ResponseBuilder.ok(view)
                .header(HttpHeaders.ETAG, view.etag()).header(INDEX_HEADER, view.index()).build());
    }

    /**
     * Sets whether the namespace's entries change only through approved change requests ({@code requiresApproval});
     * admins only.
     */
    @PATCH
    @Path("{ns}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<NamespaceView>> update(@RestPath String ns, @NotNull @Valid UpdateNamespace request) {
        return namespaces.update(caller.tenant(), ns, request).map(view -> RestResponse.ResponseBuilder.ok(view)
                .header(HttpHeaders.ETAG, view.etag()).header(INDEX_HEADER, view.index()).build());
    }

    /** 204, with its entries and history; 412 when {@code If-Match} names another index. */
    @DELETE
    @Path("{ns}")
    public Uni<RestResponse<Void>> delete(@RestPath String ns, @RestHeader("If-Match") String ifMatch) {
        return namespaces.delete(caller.tenant(), ns, ifMatch).map(ignored -> RestResponse.noContent());
    }
}
