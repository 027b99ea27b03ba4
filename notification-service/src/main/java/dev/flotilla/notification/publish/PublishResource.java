package dev.flotilla.notification.publish;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.request.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** Events of the caller's tenant: published by services and admins, read back with their deliveries. */
@Cancellable(false)
@Path("/api/v1/events")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class PublishResource {

    private final PublishService events;
    private final Caller caller;

    public PublishResource(PublishService events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    /**
     * 201 with the event; a repeated {@code Idempotency-Key} answers the first request's event, marked
     * {@code Idempotent-Replayed: true}; the same key with another request is a 409.
     */
    @POST
    public Uni<RestResponse<PublishedEvent>> publish(@NotNull @Valid PublishEvent request,
            @RestHeader(IdempotencyKeys.HEADER) String idempotencyKey, UriInfo uri) {
        return events.publish(caller, request, idempotencyKey)
                .map(published -> RestResponse.ResponseBuilder.<PublishedEvent> created(
                        uri.getAbsolutePathBuilder().path(published.event().id().toString()).build())
                        .entity(published.event())
                        .header(IdempotencyKeys.REPLAYED_HEADER, String.valueOf(published.replayed()))
                        .build());
    }

    @GET
    @Path("{id}")
    public Uni<EventView> find(@RestPath UUID id) {
        return events.find(caller.tenant(), id);
    }
}
