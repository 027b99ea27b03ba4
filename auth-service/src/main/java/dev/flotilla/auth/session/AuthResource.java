package dev.flotilla.auth.session;

import dev.flotilla.auth.token.CurrentUser;
import dev.flotilla.auth.token.TokenPair;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Login, refresh, logout: the session endpoints of the suite's own clients. */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final SessionService sessions;
    private final CurrentUser me;

    public AuthResource(SessionService sessions, CurrentUser me) {
        this.sessions = sessions;
        this.me = me;
    }

    /** Login by tenant slug, e-mail and password. */
    public record LoginRequest(@NotBlank @Size(max = 100) String tenant,
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    @POST
    @Path("login")
    @PermitAll
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokenPair> login(@NotNull @Valid LoginRequest request, @Context HttpServerRequest http) {
        return sessions.login(request.tenant(), request.email(), request.password(), Origin.of(http));
    }

    @POST
    @Path("refresh")
    @PermitAll
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokenPair> refresh(@NotNull @Valid RefreshRequest request, @Context HttpServerRequest http) {
        return sessions.refresh(request.refreshToken(), null, Origin.of(http));
    }

    /** Ends the session the access token belongs to. */
    @POST
    @Path("logout")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
    @ResponseStatus(204)
    public Uni<Void> logout(@Context HttpServerRequest http) {
        return sessions.logout(me.tenant(), me.id(), me.session(), Origin.of(http));
    }

    /** Ends every session of the caller. */
    @POST
    @Path("logout-all")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
    @ResponseStatus(204)
    public Uni<Void> logoutAll(@Context HttpServerRequest http) {
        return sessions.logoutAll(me.tenant(), me.id(), Origin.of(http));
    }
}
