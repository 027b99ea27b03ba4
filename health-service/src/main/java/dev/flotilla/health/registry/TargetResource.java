package dev.flotilla.health.registry;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/**
 * The targets of the caller's tenant, and the platform's (the suite's own services), which every tenant reads. Admins
 * and services change the tenant's; members and viewers read. The results of a target's checks are the result
 * package's {@code ResultResource}.
 */
@Cancellable(false)
@Path("/api/v1/targets")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class TargetResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final TargetService targets;
    private final Caller caller;

    public TargetResource(TargetService targets, Caller caller) {
        this.targets = targets;
        this.caller = caller;
    }

    /** Creates a target; a push target's answer carries its {@code heartbeatToken}, the only time it is shown. */
    @POST
    public Uni<RestResponse<TargetView>> create(@NotNull CreateTarget request, UriInfo uri) {
        return targets.create(caller.tenant(), request)
                .map(issued -> RestResponse.ResponseBuilder.<TargetView> created(
                        uri.getAbsolutePathBuilder().path(issued.target().id().toString()).build())
                        .entity(TargetView.of(issued.target(), issued.heartbeatToken()))
                        .header(HttpHeaders.ETAG, issued.target().etag()).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER, Roles.VIEWER })
    public Uni<Page<TargetView>> list(@BeanParam @Valid PageParams page) {
        return targets.list(caller.tenant(), page).map(found -> found.map(TargetView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER, Roles.VIEWER })
    public Uni<RestResponse<TargetView>> get(@RestPath UUID id) {
        return targets.get(caller.tenant(), id).map(TargetResource::tagged);
    }

    /** Changes the fields given; {@code If-Match} is honoured. The changed target is checked at once. */
    @PATCH
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    public Uni<RestResponse<TargetView>> update(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            @NotNull UpdateTarget request) {
        return targets.update(caller.tenant(), id, ifMatch, request).map(TargetResource::tagged);
    }

    /** Deletes the target and its results; {@code If-Match} is honoured. */
    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return targets.delete(caller.tenant(), id, ifMatch).map(ignored -> RestResponse.noContent());
    }

    /** A new heartbeat token for a push target, shown once; the old one stops working at once. */
    @POST
    @Path("{id}/rotate-heartbeat-token")
    public Uni<RestResponse<TargetView>> rotateHeartbeatToken(@RestPath UUID id) {
        return targets.rotateHeartbeatToken(caller.tenant(), id)
                .map(issued -> RestResponse.ResponseBuilder.ok(TargetView.of(issued.target(), issued.heartbeatToken()))
                        .header(HttpHeaders.ETAG, issued.target().etag()).build());
    }

    private static RestResponse<TargetView> tagged(Target target) {
        return RestResponse.ResponseBuilder.ok(TargetView.of(target)).header(HttpHeaders.ETAG, target.etag()).build();
    }
}
