package dev.flotilla.conversation.session;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.conversation.access.OwnerScope;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

/** Chat sessions: a user's own; an admin reads and ends any of the tenant's. */
@Cancellable(false)
@Path("/api/v1/sessions")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class SessionResource {

    private final SessionService sessions;
    private final Caller caller;

    public SessionResource(SessionService sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<SessionView>> open(CreateSession request, UriInfo uri) {
        return sessions.open(caller.tenant(), caller.subject(),
                request == null ? new CreateSession(null, null, null) : request)
                .map(session -> RestResponse.ResponseBuilder.<SessionView> created(
                        uri.getAbsolutePathBuilder().path(session.id().toString()).build())
                        .entity(SessionView.of(session)).build());
    }

    @GET
    public Uni<Page<SessionView>> list(@RestQuery String status, @BeanParam @Valid PageParams page) {
        return sessions.list(caller.tenant(), OwnerScope.of(caller), status, page).map(found -> found.map(SessionView::of));
    }

    @GET
    @Path("{id}")
    public Uni<SessionView> get(@RestPath UUID id) {
        return sessions.get(caller.tenant(), id, OwnerScope.of(caller)).map(SessionView::of);
    }

    /** Keeps the session active for another time to live (a client in use calls it, as a chat turn does). */
    @POST
    @Path("{id}/touch")
    public Uni<SessionView> touch(@RestPath UUID id) {
        return sessions.touch(caller.tenant(), id, OwnerScope.of(caller)).map(SessionView::of);
    }

    @POST
    @Path("{id}/end")
    public Uni<SessionView> end(@RestPath UUID id) {
        return sessions.end(caller.tenant(), id, OwnerScope.of(caller)).map(SessionView::of);
    }
}
