package dev.flotilla.common.policy;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * Calls to policy-service under a timeout, one retry (decisions have no side effects) and a circuit
 * breaker, so that a policy-service that is down or slow costs its callers little: once half of
 * the last ten attempts failed, calls fail at once for five seconds. Calls fail here;
 * {@link PolicyClient} turns failures into fail-closed answers.
 * <p>
 * The annotation values can be changed in configuration, e.g.
 * {@code quarkus.fault-tolerance."dev.flotilla.common.policy.PolicyTransport/decide".timeout.value=300}.
 * A 4xx ({@link PolicyRefusal}) is neither retried nor a failure for the breaker.
 */
@ApplicationScoped
class PolicyTransport {

    /** The breakers' names, for {@code CircuitBreakerMaintenance}. */
    static final String BREAKER = "policy-decisions";
    static final String BATCH_BREAKER = "policy-decision-batches";

    private final PolicyApi api;

    PolicyTransport(@RestClient PolicyApi api) {
        this.api = api;
    }

    /**
     * One question. The timeout leaves room for the first question of a tenant, which policy-service answers only once
     * it has created the tenant's default policy: more than half a second on a policy-service just started.
     */
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = { PolicyRefusal.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PolicyRefusal.class)
    @CircuitBreakerName(BREAKER)
    public Uni<PolicyApi.Outcome> decide(String authorization, String requestId, PolicyApi.Question question) {
        return api.decide(authorization, requestId, question);
    }

    /** Up to 1,000 questions; a full batch takes longer than one question, hence the longer timeout. */
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = { PolicyRefusal.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PolicyRefusal.class)
    @CircuitBreakerName(BATCH_BREAKER)
    public Uni<PolicyApi.Outcomes> decideAll(String authorization, String requestId, PolicyApi.Batch batch) {
        return api.decideAll(authorization, requestId, batch);
    }
}
