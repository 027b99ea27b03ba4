package dev.flotilla.notification.webhook;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/**
 * The Standard Webhooks endpoints of the caller's tenant. Admins and services manage them; members may read them
 * (and their delivery logs) to follow an integration; viewers see nothing of them, since URLs may carry tokens. The
 * delivery log, replays and test events under the same path are the delivery package's {@code DeliveryResource}.
 */
@Cancellable(false)
@Path("/api/v1/webhook-endpoints")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class EndpointResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final EndpointService endpoints;
    private final Caller caller;

    public EndpointResource(EndpointService endpoints, Caller caller) {
        this.endpoints = endpoints;
        this.caller = caller;
    }

    /** Creates an endpoint; the answer carries its {@code whsec_} secret, the only time it is shown. */
    @POST
    public Uni<RestResponse<EndpointView>> create(@NotNull @Valid CreateEndpoint request, UriInfo uri) {
        return endpoints.create(caller.tenant(), caller.subject(), request)
                .map(endpoint -> RestResponse.ResponseBuilder.<EndpointView> created(
                        uri.getAbsolutePathBuilder().path(endpoint.id().toString()).build()).entity(endpoint).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
    public Uni<Page<EndpointView>> list(@BeanParam @Valid PageParams page) {
        return endpoints.list(caller.tenant(), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
    public Uni<EndpointView> get(@RestPath UUID id) {
        return endpoints.get(caller.tenant(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    public Uni<EndpointView> update(@RestPath UUID id, @NotNull @Valid UpdateEndpoint request) {
        return endpoints.update(caller.tenant(), id, caller.subject(), request);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return endpoints.delete(caller.tenant(), id, caller.subject()).map(ignored -> RestResponse.noContent());
    }

    /** Stops deliveries to the endpoint; those pending are skipped. */
    @POST
    @Path("{id}/disable")
    public Uni<EndpointView> disable(@RestPath UUID id) {
        return endpoints.disable(caller.tenant(), id, caller.subject());
    }

    @POST
    @Path("{id}/enable")
    public Uni<EndpointView> enable(@RestPath UUID id) {
        return endpoints.enable(caller.tenant(), id, caller.subject());
    }

    /** A new secret, shown once; the old one signs too for {@code overlap} (default 24 hours). */
    @POST
    @Path("{id}/rotate-secret")
    public Uni<EndpointView> rotateSecret(@RestPath UUID id, @Valid RotateSecret request) {
        return endpoints.rotateSecret(caller.tenant(), id, caller.subject(), request);
    }
}
