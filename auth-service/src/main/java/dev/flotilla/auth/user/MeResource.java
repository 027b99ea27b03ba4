package dev.flotilla.auth.user;

import dev.flotilla.auth.token.CurrentUser;
import dev.flotilla.auth.user.UserViews.ChangePassword;
import dev.flotilla.auth.user.UserViews.UpdateMe;
import dev.flotilla.auth.user.UserViews.UserView;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The calling user's own profile and password (their login sessions: {@code SessionResource}). */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/users/me")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    private final UserService users;
    private final CurrentUser me;

    public MeResource(UserService users, CurrentUser me) {
        this.users = users;
        this.me = me;
    }

    @GET
    public Uni<UserView> get() {
        return users.get(me.tenant(), me.id());
    }

    @PATCH
    public Uni<UserView> update(@NotNull @Valid UpdateMe change, @Context HttpServerRequest http) {
        return users.updateMe(me.tenant(), me.id(), change.displayName(), Origin.of(http));
    }

    /** Changes the password; every other session of the user ends, this one stays. */
    @PUT
    @Path("password")
    @ResponseStatus(204)
    public Uni<Void> changePassword(@NotNull @Valid ChangePassword change, @Context HttpServerRequest http) {
        return users.changePassword(me.tenant(), me.id(), me.session(), change.currentPassword(), change.newPassword(),
                Origin.of(http));
    }
}
