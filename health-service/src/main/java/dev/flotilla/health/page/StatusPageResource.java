package dev.flotilla.health.page;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The caller's tenant's status page settings: admins and services publish and change it, every role reads it. */
@Cancellable(false)
@Path("/api/v1/status-page")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class StatusPageResource {

    private final StatusPageService pages;
    private final Caller caller;

    public StatusPageResource(StatusPageService pages, Caller caller) {
        this.pages = pages;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER, Roles.VIEWER })
    public Uni<RestResponse<StatusPageView>> get() {
        return pages.get(caller.tenant()).map(StatusPageResource::tagged);
    }

    /** Creates or replaces the page; {@code If-Match} is honoured. */
    @PUT
    public Uni<RestResponse<StatusPageView>> save(@RestHeader("If-Match") String ifMatch,
            @NotNull @Valid SaveStatusPage request) {
        return pages.save(caller.tenant(), ifMatch, request).map(StatusPageResource::tagged);
    }

    @DELETE
    public Uni<RestResponse<Void>> delete() {
        return pages.delete(caller.tenant()).map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<StatusPageView> tagged(StatusPage page) {
        return RestResponse.ResponseBuilder.ok(StatusPageView.of(page)).header(HttpHeaders.ETAG, page.etag()).build();
    }
}
