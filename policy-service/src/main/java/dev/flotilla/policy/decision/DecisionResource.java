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
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

/**
 * Authorization decisions for the caller's tenant: services and admins ask about anyone, members
 * and viewers about themselves ({@link SelfQuestions}).
 */
@Cancellable(false)
@Path("/api/v1/decisions")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
public class DecisionResource {

    private final DecisionService decisions;
    private final Caller caller;

    public DecisionResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @POST
    public Uni<DecisionOutcome> decide(@NotNull @Valid DecisionRequest request) {
        SelfQuestions.requireAllowed(caller, List.of(request));
        return decisions.decide(caller.tenant(), request);
    }

    @POST
    @Path("batch")
    public Uni<BatchResult> decideAll(@NotNull @Valid BatchRequest batch) {
        SelfQuestions.requireAllowed(caller, batch.requests());
        return decisions.decideAll(caller.tenant(), batch.requests()).map(BatchResult::new);
    }
}
