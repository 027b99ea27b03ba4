package dev.flotilla.common.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.flotilla.common.client.PropagatedHeaders;
import dev.flotilla.common.correlation.RequestIds;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * The decision API of policy-service on the wire. Used only through {@link PolicyTransport}, which
 * adds the timeout, retry and circuit breaker. The token and request id are passed explicitly, as
 * captured when the question was asked, so that a retry on another thread still carries them.
 */
@RegisterRestClient(configKey = "policy")
@RegisterClientHeaders(PropagatedHeaders.class)
@Path("/api/v1/decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface PolicyApi {

    @POST
    Uni<Outcome> decide(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId,
            Question question);

    @POST
    @Path("batch")
    Uni<Outcomes> decideAll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId,
            Batch batch);

    /**
     * A 4xx means policy-service will not answer this question (token, role, shape), so it is
     * neither retried nor counted against policy-service's health; 408 and 429 are the exceptions,
     * being about its load. Everything else keeps the default mapping.
     */
    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        int status = response.getStatus();
        boolean refused = status >= 400 && status < 500 && status != 408 && status != 429;
        return refused ? new PolicyRefusal(status) : null;
    }

    /** The body of {@code POST /api/v1/decisions}. */
    record Question(Subject subject, String action, Resource resource, Map<String, Object> context) {

        static Question of(PolicyQuestion q) {
            return new Question(new Subject(q.subjectId(), q.roles(), q.subjectAttributes()), q.action(),
                    new Resource(q.resourceType(), q.resourceId(), q.resourceAttributes()), q.context());
        }
    }

    record Subject(String id, List<String> roles, Map<String, Object> attributes) {
    }

    record Resource(String type, String id, Map<String, Object> attributes) {
    }

    /** The body of {@code POST /api/v1/decisions/batch}. */
    record Batch(List<Question> requests) {
    }

    /** A decision; fields policy-service may add later are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Outcome(String decision, List<PolicyAnswer.MatchedRule> matchedRules, List<String> reasons) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Outcomes(List<Outcome> results) {
    }
}
