package dev.flotilla.auth.token;

import dev.flotilla.auth.web.CurrentUser;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
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

import java.util.List;

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

    /**
     * The refresh token to rotate: not blank, at most 256 characters. Checked by {@link #checked}
     * rather than by Bean Validation: the refresh is the busiest endpoint, and the validator's
     * interceptor cost more than the two comparisons it makes; the answers are the same.
     */
    public record RefreshRequest(@NotBlank @Size(max = MAX_REFRESH_TOKEN) String refreshToken) {

        static final int MAX_REFRESH_TOKEN = 256;

        /** {@code request} when valid; otherwise the validation problem Bean Validation would answer. */
        static RefreshRequest checked(RefreshRequest request) {
            if (request == null) {
                throw invalid("request", "must not be null");
            }
            String token = request.refreshToken();
            if (token == null || token.isBlank()) {
                throw invalid("refreshToken", "must not be blank");
            }
            if (token.length() > MAX_REFRESH_TOKEN) {
                throw invalid("refreshToken", "size must be between 0 and " + MAX_REFRESH_TOKEN);
            }
            return request;
        }

        private static ProblemException invalid(String field, String message) {
            return new ProblemException(ProblemType.VALIDATION_FAILED, field + ": " + message,
                    List.of(new Problem.FieldError(field, message)));
        }
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
    public Uni<TokenPair> refresh(RefreshRequest request, @Context HttpServerRequest http) {
        return sessions.refresh(RefreshRequest.checked(request).refreshToken(), Origin.of(http));
    }

    /** Ends the session the access token belongs to. */
    @POST
    @Path("logout")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @ResponseStatus(204)
    public Uni<Void> logout(@Context HttpServerRequest http) {
        return sessions.logout(me.tenant(), me.id(), me.session(), Origin.of(http));
    }

    /** Ends every session of the caller. */
    @POST
    @Path("logout-all")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @ResponseStatus(204)
    public Uni<Void> logoutAll(@Context HttpServerRequest http) {
        return sessions.logoutAll(me.tenant(), me.id(), Origin.of(http));
    }
}
