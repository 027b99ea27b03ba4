package dev.flotilla.auth.user;

import dev.flotilla.auth.token.SessionService;
import dev.flotilla.auth.token.SessionView;
import dev.flotilla.auth.user.UserViews.ChangePassword;
import dev.flotilla.auth.user.UserViews.UpdateMe;
import dev.flotilla.auth.user.UserViews.UserView;
import dev.flotilla.auth.web.CurrentUser;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** The calling user's own profile, password and login sessions. */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/users/me")
@RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    private final UserService users;
    private final SessionService sessions;
    private final CurrentUser me;

    public MeResource(UserService users, SessionService sessions, CurrentUser me) {
        this.users = users;
        this.sessions = sessions;
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
        return users.changePassword(me.tenant(), me.id(), me.session(), change.currentPassword(), change.newPassword(), Origin.of(http));
    }

    @GET
    @Path("sessions")
    public Uni<Page<SessionView>> sessions(@BeanParam @Valid PageParams page) {
        return sessions.list(me.tenant(), me.id(), me.session(), page);
    }

    @DELETE
    @Path("sessions/{id}")
    @ResponseStatus(204)
    public Uni<Void> endSession(@RestPath UUID id, @Context HttpServerRequest http) {
        return sessions.end(me.tenant(), me.id(), id, Origin.of(http));
    }
}
