package dev.flotilla.common.notification;

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
 * Publishes under a timeout per attempt, bounded retries with back-off (a publish carries an
 * idempotency key, so a repeat answers the first result) and a circuit breaker: once half of the
 * last ten attempts failed, publishing fails at once for five seconds. Refusals and rejected tokens
 * are neither retried here nor failures for the breaker. Overridable in configuration, e.g.
 * {@code quarkus.fault-tolerance."dev.flotilla.common.notification.NotificationTransport/publish".retry.max-retries=4}.
 */
@ApplicationScoped
class NotificationTransport {

    /** The breaker's name, for {@code CircuitBreakerMaintenance}. */
    static final String BREAKER = "notification-events";

    private final NotificationApi api;

    NotificationTransport(@RestClient NotificationApi api) {
        this.api = api;
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { NotificationRefused.class, TokenRejected.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = {
            NotificationRefused.class, TokenRejected.class })
    @CircuitBreakerName(BREAKER)
    public Uni<PublishedEvent> publish(String authorization, String idempotencyKey, String requestId, NotificationEvent event) {
        return api.publish(authorization, idempotencyKey, requestId, event);
    }
}
