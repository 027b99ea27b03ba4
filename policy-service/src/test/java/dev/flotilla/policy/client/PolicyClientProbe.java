package dev.flotilla.policy.client;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.policy.PolicyAnswer;
import dev.flotilla.common.policy.PolicyClient;
import dev.flotilla.common.policy.PolicyQuestion;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Map;

/**
 * Test-only endpoints that use {@link PolicyClient} the way a service's resource would, inside a
 * request and with the caller's token, so tests drive it over HTTP end to end.
 */
@Path("/test/policy-client")
@Authenticated
public class PolicyClientProbe {

    private final PolicyClient policy;
    private final Caller caller;

    PolicyClientProbe(PolicyClient policy, Caller caller) {
        this.policy = policy;
        this.caller = caller;
    }

    @POST
    @Path("check")
    public Uni<PolicyAnswer> check(PolicyQuestion question) {
        return policy.check(question);
    }

    @POST
    @Path("require")
    public Uni<Void> require(PolicyQuestion question) {
        return policy.require(question);
    }

    @POST
    @Path("check-all")
    public Uni<List<PolicyAnswer>> checkAll(@NotNull List<@NotNull PolicyQuestion> questions) {
        return policy.checkAll(questions);
    }

    /** A question about the caller itself: its subject and roles. */
    @POST
    @Path("check-own")
    public Uni<PolicyAnswer> checkOwn(@QueryParam("action") String action, @QueryParam("type") String type,
            @QueryParam("id") String id) {
        return policy.check(PolicyQuestion.of(caller, action, type, id, Map.of()));
    }

    @POST
    @Path("check-anonymous")
    @PermitAll
    public Uni<PolicyAnswer> checkAnonymous(PolicyQuestion question) {
        return policy.check(question);
    }

    /** Whether the answer arrives on the request's own Vert.x context, where Hibernate Reactive work may follow. */
    @POST
    @Path("context")
    public Uni<Map<String, Object>> context(PolicyQuestion question) {
        Context before = Vertx.currentContext();
        return policy.check(question).map(answer -> Map.of(
                "sameContext", before != null && Vertx.currentContext() == before,
                "basis", answer.basis().name()));
    }
}
