package dev.flotilla.policy.decision;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Authorization decisions for the caller's tenant, asked by other services (and admins). */
@Path("/api/v1/decisions")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
public class DecisionResource {

    private final DecisionService decisions;
    private final Caller caller;

    public DecisionResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @POST
    public Uni<DecisionOutcome> decide(@NotNull @Valid DecisionRequest request) {
        return decisions.decide(caller.tenant(), request);
    }

    @POST
    @Path("batch")
    public Uni<BatchResult> decideAll(@NotNull @Valid BatchRequest batch) {
        return decisions.decideAll(caller.tenant(), batch.requests()).map(BatchResult::new);
    }
}
