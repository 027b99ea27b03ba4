package dev.flotilla.policy.decision;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OPA's Data API ({@code POST /v1/data/{path}} with {@code {"input": {...}}}), so clients written
 * for Open Policy Agent can ask Flotilla. Every path evaluates the caller's tenant's policies in
 * force; the last path segment picks what {@code result} holds: {@code allow} → a boolean,
 * {@code deny} → a boolean, {@code decision} → {@code "ALLOW"|"DENY"}, anything else → the whole
 * decision object. Authenticated like the rest of the API (service or admin tokens).
 */
@Cancellable(false)
@Path("/v1/data")
@RolesAllowed({ Roles.SERVICE, Roles.ADMIN })
public class OpaDataResource {

    /** The body OPA clients send. */
    public record DataRequest(Map<String, Object> input) {
    }

    /** The body OPA clients expect. */
    public record DataResponse(Object result) {
    }

    private final DecisionService decisions;
    private final Caller caller;

    public OpaDataResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @POST
    @Path("{path: .+}")
    public Uni<DataResponse> query(@RestPath String path, DataRequest body) {
        var request = OpaInput.toRequest(body == null ? null : body.input());
        return decisions.decide(caller.tenant(), request).map(outcome -> new DataResponse(result(path, outcome)));
    }

    private static Object result(String path, DecisionOutcome outcome) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        boolean allowed = outcome.decision() == Decision.ALLOW;
        return switch (last) {
            case "allow" -> allowed;
            case "deny" -> !allowed;
            case "decision" -> outcome.decision().name();
            default -> {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("allow", allowed);
                result.put("decision", outcome.decision().name());
                result.put("matchedRules", outcome.matchedRules());
                result.put("reasons", outcome.reasons());
                result.put("evaluationMicros", outcome.evaluationMicros());
                yield result;
            }
        };
    }
}
