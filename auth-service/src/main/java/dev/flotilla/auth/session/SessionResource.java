package dev.flotilla.auth.session;

import dev.flotilla.auth.token.CurrentUser;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** The calling user's own login sessions: the live ones, and ending one of them. */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/users/me/sessions")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final CurrentUser me;

    public SessionResource(SessionService sessions, CurrentUser me) {
        this.sessions = sessions;
        this.me = me;
    }

    @GET
    public Uni<Page<SessionView>> list(@BeanParam @Valid PageParams page) {
        return sessions.list(me.tenant(), me.id(), me.session(), page);
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public Uni<Void> end(@RestPath UUID id, @Context HttpServerRequest http) {
        return sessions.end(me.tenant(), me.id(), id, Origin.of(http));
    }
}
