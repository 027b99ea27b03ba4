package dev.flotilla.auth.registration;

import dev.flotilla.auth.user.UserViews.UserView;
import dev.flotilla.auth.web.Origin;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Self-service registration of a new tenant and its first administrator. */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/auth/register")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private final RegistrationService registrations;

    public RegistrationResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    public record RegisterRequest(@NotBlank @Size(max = 100) String tenantName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password,
            @NotBlank @Size(max = 200) String displayName) {
    }

    public record TenantView(UUID id, String slug, String name, Instant createdAt) {
    }

    /** The new tenant (its slug is what users type at login) and its administrator. */
    public record RegisteredView(TenantView tenant, UserView user) {
    }

    @POST
    public Uni<Response> register(@NotNull @Valid RegisterRequest request, @Context HttpServerRequest http) {
        return registrations
                .register(request.tenantName(), request.email(), request.password(), request.displayName(), Origin.of(http))
                .map(r -> new RegisteredView(
                        new TenantView(r.tenant().id, r.tenant().slug, r.tenant().name, r.tenant().createdAt),
                        UserView.of(r.admin())))
                .map(view -> Response.created(URI.create("/api/v1/users/" + view.user().id())).entity(view).build());
    }
}
