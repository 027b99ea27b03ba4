package dev.flotilla.notification.delivery;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/**
 * The delivery log of a webhook endpoint of the caller's tenant, replays and test events. It shares
 * {@code /api/v1/webhook-endpoints} with the webhook package's {@code EndpointResource}, and its roles: admins and
 * services send, members may read.
 */
@Cancellable(false)
@Path("/api/v1/webhook-endpoints")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class DeliveryResource {

    private final DeliveryService deliveries;
    private final Caller caller;

    public DeliveryResource(DeliveryService deliveries, Caller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    /** The endpoint's deliveries, newest first; {@code status} (PENDING, SUCCEEDED, FAILED, SKIPPED) filters. */
    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
    public Uni<Page<DeliveryView>> list(@RestPath UUID id, @RestQuery String status, @BeanParam @Valid PageParams page) {
        return deliveries.ofEndpoint(caller.tenant(), id, status, page);
    }

    /** One delivery with every attempt. */
    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
    public Uni<DeliveryView> get(@RestPath UUID id, @RestPath UUID deliveryId) {
        return deliveries.get(caller.tenant(), id, deliveryId);
    }

    /** Sends the delivery's event to the endpoint again, as a new delivery (202, the new delivery). */
    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    public Uni<RestResponse<DeliveryView>> replay(@RestPath UUID id, @RestPath UUID deliveryId, UriInfo uri) {
        return deliveries.replay(caller.tenant(), id, deliveryId).map(delivery -> accepted(uri, id, delivery));
    }

    /** Sends a {@code webhook.test} event to this endpoint alone (202, its delivery). */
    @POST
    @Path("{id}/test")
    public Uni<RestResponse<DeliveryView>> test(@RestPath UUID id, UriInfo uri) {
        return deliveries.test(caller.tenant(), id, caller.subject()).map(delivery -> accepted(uri, id, delivery));
    }

    private static RestResponse<DeliveryView> accepted(UriInfo uri, UUID endpoint, DeliveryView delivery) {
        return RestResponse.ResponseBuilder.<DeliveryView> create(Response.Status.ACCEPTED)
                .location(uri.getBaseUriBuilder().path("api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}")
                        .build(endpoint, delivery.id()))
                .entity(delivery)
                .build();
    }
}
