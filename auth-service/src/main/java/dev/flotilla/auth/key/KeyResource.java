package dev.flotilla.auth.key;

import dev.flotilla.auth.audit.AuditLog;
import dev.flotilla.auth.audit.AuditType;
import dev.flotilla.auth.tenant.TenantService;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The platform's signing keys: their state and a rotation on demand (administrators of the default tenant). */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    private final KeyService keys;
    private final KeyRing ring;
    private final TenantService tenants;
    private final AuditLog audit;
    private final Caller caller;

    public KeyResource(KeyService keys, KeyRing ring, TenantService tenants, AuditLog audit, Caller caller) {
        this.keys = keys;
        this.ring = ring;
        this.tenants = tenants;
        this.audit = audit;
        this.caller = caller;
    }

    /** A published key: {@code pending} (published, not yet signing), {@code signing}, or {@code retiring} (verifies only). */
    public record KeyView(String kid, String algorithm, String state, Instant activatesAt, Instant expiresAt) {
    }

    @GET
    public Uni<List<KeyView>> list() {
        return tenants.requirePlatformAdmin(caller.tenant(), caller.hasRole(Roles.ADMIN)).map(ignored -> {
            String signing = ring.signingKey().kid();
            Instant now = Instant.now();
            return ring.keys().stream().map(k -> new KeyView(k.kid(), "RS256",
                    k.kid().equals(signing) ? "signing" : k.activatesAt().isAfter(now) ? "pending" : "retiring",
                    k.activatesAt(), k.expiresAt())).toList();
        });
    }

    /**
     * Rotates the signing key. By default the new key is published now and signs after the
     * publish-ahead period; {@code immediate=true} makes it sign at once (after a suspected compromise).
     */
    @POST
    @Path("rotate")
    public Uni<KeyService.Rotation> rotate(@RestQuery boolean immediate, @Context HttpServerRequest http) {
        return tenants.requirePlatformAdmin(caller.tenant(), caller.hasRole(Roles.ADMIN))
                .chain(() -> keys.rotate(immediate))
                .call(rotation -> audit.recordAlone(caller.tenant(), AuditType.KEYS_ROTATED, caller.subject(), rotation.kid(),
                        Origin.of(http), Map.of("immediate", immediate, "activatesAt", rotation.activatesAt().toString(),
                                "retiring", rotation.retiring())));
    }
}
