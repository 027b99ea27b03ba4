package dev.flotilla.policy.simulation;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.policy.policy.RulesDraft;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** {@code POST /api/v1/policies/{id}/simulate}: which recent decisions a draft of the policy would change. Admins only. */
@Cancellable(false)
@Path("/api/v1/policies/{id}/simulate")
@RolesAllowed(Roles.ADMIN)
public class SimulationResource {

    private final SimulationService simulations;
    private final Caller caller;

    public SimulationResource(SimulationService simulations, Caller caller) {
        this.simulations = simulations;
        this.caller = caller;
    }

    @POST
    public Uni<SimulationReport> simulate(@RestPath UUID id, @NotNull @Valid RulesDraft draft) {
        return simulations.simulate(caller.tenant(), id, draft);
    }
}
