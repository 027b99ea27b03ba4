package dev.flotilla.health.status;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The status page of the tenant's targets and the platform's. */
@Cancellable(false)
@Path("/api/v1/status")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER, Roles.VIEWER })
public class StatusResource {

    private final StatusService status;
    private final Caller caller;

    public StatusResource(StatusService status, Caller caller) {
        this.status = status;
        this.caller = caller;
    }

    @GET
    public Uni<StatusView> status() {
        return status.status(caller.tenant());
    }
}
