package dev.flotilla.config.change;

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

/**
 * Change requests, as in Unleash: whoever may write entries (admins, services) or flags (admins) may open one; only an
 * admin who did not open it approves it, and then its changes are applied together, at once or at its {@code applyAt};
 * any admin rejects it, its author cancels it. Members read them, secrets masked.
 */
@Cancellable(false)
@Path("/api/v1/change-requests")
@RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
public class ChangeRequestResource {

    private final ChangeRequestService requests;
    private final Caller caller;

    public ChangeRequestResource(ChangeRequestService requests, Caller caller) {
        this.requests = requests;
        this.caller = caller;
    }

    /** 201, OPEN; 400 or 422 naming the change that cannot be made, 412 when an {@code ifMatch} is stale. */
    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<ChangeRequestView>> open(@NotNull @Valid OpenChangeRequest request, UriInfo uri) {
        return requests.open(Actor.of(caller), request).map(view -> RestResponse.ResponseBuilder
                .<ChangeRequestView> created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view)
                .build());
    }

    /** Newest first; {@code ?state=}, {@code ?namespace=} and {@code ?environment=} filter. */
    @GET
    public Uni<Page<ChangeRequestView>> list(@RestQuery String state, @RestQuery String namespace,
            @RestQuery String environment, @BeanParam @Valid PageParams page) {
        return requests.list(Actor.of(caller), state, namespace, environment, page);
    }

    @GET
    @Path("{id}")
    public Uni<ChangeRequestView> get(@RestPath UUID id) {
        return requests.get(Actor.of(caller), id);
    }

    /** APPLIED, FAILED (with the reason) or SCHEDULED; 403 for its author, 409 unless it is OPEN. */
    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ChangeRequestView> approve(@RestPath UUID id) {
        return requests.approve(Actor.of(caller), id);
    }

    /** REJECTED; 409 unless it is OPEN or SCHEDULED. */
    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ChangeRequestView> reject(@RestPath UUID id, @Valid RejectChangeRequest request) {
        return requests.reject(Actor.of(caller), id, request);
    }

    /** CANCELLED; 403 for anyone but its author, 409 unless it is OPEN or SCHEDULED. */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<ChangeRequestView> cancel(@RestPath UUID id) {
        return requests.cancel(Actor.of(caller), id);
    }
}
