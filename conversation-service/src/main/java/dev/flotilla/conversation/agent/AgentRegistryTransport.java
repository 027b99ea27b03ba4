package dev.flotilla.conversation.agent;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Reads of task-service's agents under a timeout, one retry (a read has no side effects) and a circuit breaker: once
 * half of the last ten attempts failed, reads fail at once for five seconds. An {@link AgentRefused} is neither retried
 * nor a failure for the breaker.
 */
@ApplicationScoped
class AgentRegistryTransport {

    static final String BREAKER = "agent-registry";

    private final AgentRegistryApi api;

    AgentRegistryTransport(@RestClient AgentRegistryApi api) {
        this.api = api;
    }

    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = { AgentRefused.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = AgentRefused.class)
    @CircuitBreakerName(BREAKER)
    public Uni<RegisteredAgent> agent(String authorization, String requestId, UUID id) {
        return api.agent(authorization, requestId, id);
    }
}
