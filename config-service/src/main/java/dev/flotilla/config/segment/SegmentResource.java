package dev.flotilla.config.segment;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.targeting.SegmentSpec;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The tenant's segments: reusable sets of conditions that flag rules name with {@code inSegment}. Admins
 * write them, every role of the tenant reads them; a change of an existing one requires {@code If-Match}.
 */
@Cancellable(false)
@Path("/api/v1/segments")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class SegmentResource {

    private final SegmentService segments;
    private final Caller caller;

    public SegmentResource(SegmentService segments, Caller caller) {
        this.segments = segments;
        this.caller = caller;
    }

    @GET
    public Uni<Page<SegmentView>> list(@BeanParam @Valid PageParams page) {
        return segments.list(caller.tenant(), page);
    }

    @GET
    @Path("{key}")
    public Uni<RestResponse<SegmentView>> get(@RestPath String key) {
        return segments.get(caller.tenant(), key).map(SegmentResource::tagged);
    }

    /**
     * 201 when it creates the segment, 200 when it replaces it (428 without {@code If-Match}, 412 when stale); 422 when a
     * condition is wrong.
     */
    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<SegmentView>> put(@RestPath String key, @RestHeader("If-Match") String ifMatch,
            @RestHeader("If-None-Match") String ifNoneMatch, @NotNull @Valid SegmentSpec definition, UriInfo uri) {
        return segments.put(caller.tenant(), caller.subject(), key, definition, ifMatch, ifNoneMatch)
                .map(changed -> changed.created()
                        ? RestResponse.ResponseBuilder.<SegmentView> created(uri.getRequestUri()).entity(changed.segment())
                                .header(HttpHeaders.ETAG, changed.segment().etag()).build()
                        : tagged(changed.segment()));
    }

    /** 409 while a flag names the segment; 428 without {@code If-Match}. */
    @DELETE
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Void>> delete(@RestPath String key, @RestHeader("If-Match") String ifMatch) {
        return segments.delete(caller.tenant(), key, ifMatch).map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<SegmentView> tagged(SegmentView view) {
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
    }
}
