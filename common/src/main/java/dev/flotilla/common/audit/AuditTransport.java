package dev.flotilla.common.audit;

import dev.flotilla.common.servicetoken.TokenRejected;
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
 * Records under a timeout per attempt, one retry (the audit API takes no idempotency key, so a retry after a lost
 * answer may record an event twice: at least once, never lost) and a circuit breaker. Refusals and rejected tokens are
 * neither retried here nor failures for the breaker.
 */
@ApplicationScoped
class AuditTransport {

    static final String BREAKER = "auth-audit-events";

    private final AuditApi api;

    AuditTransport(@RestClient AuditApi api) {
        this.api = api;
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { AuditRefused.class, TokenRejected.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = {
            AuditRefused.class, TokenRejected.class })
    @CircuitBreakerName(BREAKER)
    public Uni<Void> record(String authorization, String requestId, AuditRecord event) {
        return api.record(authorization, requestId, event);
    }
}
