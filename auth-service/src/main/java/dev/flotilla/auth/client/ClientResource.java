package dev.flotilla.auth.client;

import dev.flotilla.auth.client.ClientService.ClientView;
import dev.flotilla.auth.client.ClientService.ClientWithSecret;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.net.URI;
import java.util.UUID;

/** Service clients of the caller's tenant (administrators). */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/clients")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final ClientService clients;
    private final Caller caller;

    public ClientResource(ClientService clients, Caller caller) {
        this.clients = clients;
        this.caller = caller;
    }

    public record CreateClient(@NotBlank @Size(max = 100) String name) {
    }

    /** Creates a client; the answer holds its secret, which is never shown again. */
    @POST
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull @Valid CreateClient request, @Context HttpServerRequest http) {
        return clients.create(caller.tenant(), caller.subject(), request.name(), Origin.of(http))
                .map(created -> Response.created(URI.create("/api/v1/clients/" + created.id())).entity(created).build());
    }

    @GET
    public Uni<Page<ClientView>> list(@BeanParam @Valid PageParams page) {
        return clients.list(caller.tenant(), page);
    }

    @GET
    @Path("{id}")
    public Uni<ClientView> get(@RestPath UUID id) {
        return clients.get(caller.tenant(), id);
    }

    /** A new secret, shown once; the old one stops working. */
    @POST
    @Path("{id}/secret")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public Uni<ClientWithSecret> rotateSecret(@RestPath UUID id, @Context HttpServerRequest http) {
        return clients.rotateSecret(caller.tenant(), caller.subject(), id, Origin.of(http));
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public Uni<Void> delete(@RestPath UUID id, @Context HttpServerRequest http) {
        return clients.delete(caller.tenant(), caller.subject(), id, Origin.of(http));
    }
}
