package dev.flotilla.auth.user;

import dev.flotilla.auth.user.UserViews.CreateUser;
import dev.flotilla.auth.user.UserViews.UpdateUser;
import dev.flotilla.auth.user.UserViews.UserContact;
import dev.flotilla.auth.user.UserViews.UserView;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/** Administration of the users of the caller's tenant, and their contacts for the services that message them. */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final Caller caller;

    public UserResource(UserService users, Caller caller) {
        this.users = users;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@NotNull @Valid CreateUser request, @Context HttpServerRequest http) {
        return users.create(caller.tenant(), caller.subject(), request, Origin.of(http))
                .map(created -> Response.created(URI.create("/api/v1/users/" + created.id())).entity(created).build());
    }

    /** Users in creation order, filtered by role, status and e-mail prefix. */
    @GET
    public Uni<Page<UserView>> list(@BeanParam @Valid PageParams page,
            @RestQuery @Pattern(regexp = UserViews.USER_ROLE, message = "must be admin, member or viewer") String role,
            @RestQuery @Pattern(regexp = "active|disabled", message = "must be active or disabled") String status,
            @RestQuery @Size(max = 254) String email) {
        String prefix = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
        return users.list(caller.tenant(), new UserFilter(role, status, prefix), page);
    }

    @GET
    @Path("{id}")
    public Uni<UserView> get(@RestPath UUID id) {
        return users.get(caller.tenant(), id);
    }

    /**
     * How to reach a user, for the services that send messages (a platform's service asks with a
     * token for the user's tenant: the {@code tenant:<id>} scope of the client_credentials grant).
     */
    @GET
    @Path("{id}/contact")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<UserContact> contact(@RestPath UUID id) {
        return users.contact(caller.tenant(), id);
    }

    @PATCH
    @Path("{id}")
    public Uni<UserView> update(@RestPath UUID id, @NotNull @Valid UpdateUser change, @Context HttpServerRequest http) {
        return users.update(caller.tenant(), caller.subject(), id, change, Origin.of(http));
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public Uni<Void> delete(@RestPath UUID id, @Context HttpServerRequest http) {
        return users.delete(caller.tenant(), caller.subject(), id, Origin.of(http));
    }
}
