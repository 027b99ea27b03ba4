package dev.flotilla.conversation.retrieval;

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
 * Searches of search-service under a timeout, one retry (a search has no side effects) and a circuit breaker: once
 * half of the last ten attempts failed, searches fail at once for five seconds. A {@link SearchRefused} is neither
 * retried nor a failure for the breaker.
 */
@ApplicationScoped
class SearchTransport {

    static final String BREAKER = "search-passages";

    private final SearchApi api;

    SearchTransport(@RestClient SearchApi api) {
        this.api = api;
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = { SearchRefused.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = SearchRefused.class)
    @CircuitBreakerName(BREAKER)
    public Uni<SearchApi.Answer> search(String authorization, String requestId, String collection, SearchApi.Query query) {
        return api.search(authorization, requestId, collection, query);
    }
}
