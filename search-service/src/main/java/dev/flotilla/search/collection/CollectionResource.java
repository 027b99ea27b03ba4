package dev.flotilla.search.collection;

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

import java.util.UUID;

/** Collections of the caller's tenant. Everyone reads; viewers cannot change anything. */
@Cancellable(false)
@Path("/api/v1/collections")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class CollectionResource {

    private final CollectionService collections;
    private final Caller caller;

    public CollectionResource(CollectionService collections, Caller caller) {
        this.collections = collections;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
    public Uni<RestResponse<CollectionView>> create(@NotNull @Valid CollectionDraft draft, UriInfo uri) {
        return collections.create(caller.tenant(), draft)
                .map(c -> RestResponse.ResponseBuilder
                        .<CollectionView> created(uri.getAbsolutePathBuilder().path(c.id().toString()).build())
                        .entity(CollectionView.of(c)).build());
    }

    @GET
    public Uni<Page<CollectionView>> list(@BeanParam @Valid PageParams page) {
        return collections.list(caller.tenant(), page).map(p -> p.map(CollectionView::of));
    }

    @GET
    @Path("{c}")
    public Uni<CollectionView> get(@RestPath UUID c) {
        return collections.get(caller.tenant(), c).map(CollectionView::of);
    }

    @PATCH
    @Path("{c}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
    public Uni<CollectionView> update(@RestPath UUID c, @NotNull @Valid CollectionPatch patch) {
        return collections.update(caller.tenant(), c, patch).map(CollectionView::of);
    }

    @DELETE
    @Path("{c}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
    public Uni<RestResponse<Void>> delete(@RestPath UUID c) {
        return collections.delete(caller.tenant(), c).map(ignored -> RestResponse.noContent());
    }
}
