package dev.flotilla.policy.decision;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.request.RequestBodies;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

/**
 * Authorization decisions for the caller's tenant: services and admins ask about anyone, members
 * and viewers about themselves ({@link SelfQuestions}). Bodies are checked with
 * {@link RequestBodies} rather than {@code @Valid}: this is the suite's hottest endpoint.
 */
@Cancellable(false)
@Path("/api/v1/decisions")
@RolesAllowed({ Roles.SERVICE, Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
public class DecisionResource {

    private final DecisionService decisions;
    private final Caller caller;
    private final RequestBodies bodies;

    public DecisionResource(DecisionService decisions, Caller caller, RequestBodies bodies) {
        this.decisions = decisions;
        this.caller = caller;
        this.bodies = bodies;
    }

    @POST
    public Uni<DecisionOutcome> decide(DecisionRequest request) {
        bodies.requireValid(request, "request");
        SelfQuestions.requireAllowed(caller, List.of(request));
        return decisions.decide(caller.tenant(), request);
    }

    @POST
    @Path("batch")
    public Uni<BatchResult> decideAll(BatchRequest batch) {
        bodies.requireValid(batch, "batch");
        SelfQuestions.requireAllowed(caller, batch.requests());
        return decisions.decideAll(caller.tenant(), batch.requests()).map(BatchResult::new);
    }
}
