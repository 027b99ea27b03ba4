package dev.flotilla.common.servicetoken;

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
 * Token requests to auth-service under a timeout, bounded retries (a repeated request only issues
 * another token) and a circuit breaker. A refusal of the credentials ({@link ServiceTokenRefused})
 * is neither retried nor a failure for the breaker. Overridable in configuration, e.g.
 * {@code quarkus.fault-tolerance."dev.flotilla.common.servicetoken.TokenTransport/token".timeout.value=3000}.
 */
@ApplicationScoped
class TokenTransport {

    /** The breaker's name, for {@code CircuitBreakerMaintenance}. */
    static final String BREAKER = "auth-service-tokens";

    private final TokenApi api;

    TokenTransport(@RestClient TokenApi api) {
        this.api = api;
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { ServiceTokenRefused.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = ServiceTokenRefused.class)
    @CircuitBreakerName(BREAKER)
    public Uni<TokenApi.Answer> token(String basic, String scope) {
        return api.token(basic, "client_credentials", scope);
    }
}
