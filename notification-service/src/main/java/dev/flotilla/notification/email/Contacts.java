package dev.flotilla.notification.email;

import dev.flotilla.common.servicetoken.ServiceTokens;
import dev.flotilla.common.servicetoken.TokenRejected;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Recipients' addresses, from auth-service, asked with this service's token for the recipient's
 * tenant. A user auth-service does not know is absent (null); an auth-service that cannot answer
 * fails the call, so the delivery is attempted again later.
 */
@ApplicationScoped
public class Contacts {

    private final ContactApi api;
    private final ServiceTokens tokens;

    public Contacts(@RestClient ContactApi api, ServiceTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = TokenRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("auth-contacts")
    public Uni<Contact> of(UUID tenant, UUID user) {
        return tokens.authorized(tenant, token -> api.contact(user, token.authorization()))
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 404) {
                        return Uni.createFrom().nullItem();
                    }
                    if (status == 401) {
                        return Uni.createFrom().failure(new TokenRejected("auth-service"));
                    }
                    return Uni.createFrom().failure(failure);
                });
    }
}
