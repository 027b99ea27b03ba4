package dev.flotilla.common.notification;

import dev.flotilla.common.client.PropagatedHeaders;
import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.servicetoken.TokenRejected;
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

/**
 * notification-service's publish API on the wire. Used only through {@link NotificationTransport},
 * which adds the timeout, retries and circuit breaker. Token, key and request id are passed
 * explicitly, as captured when the event was handed over, so a retry on another thread carries them.
 */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(PropagatedHeaders.class)
@Path("/api/v1/events")
interface NotificationApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<PublishedEvent> publish(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            NotificationEvent event);

    /**
     * 401: the service token was rejected (a new one may be accepted). 408, 429 and 5xx: worth
     * another attempt. Any other 4xx: refused, not retried and not counted against notification-service.
     */
    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            return new TokenRejected("notification-service");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new NotificationUnavailable(status);
        }
        return status >= 400 ? NotificationRefused.of(response) : null;
    }
}
