package dev.flotilla.common.notification;

import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.servicetoken.ServiceTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Objects;
import java.util.UUID;

/**
 * How a service publishes an event to notification-service ({@code POST /api/v1/events}), as
 * itself: the call carries the service client's token ({@link ServiceTokens}, role
 * {@code service}), and notification-service files the event under that token's tenant. So the
 * tenant the event is about is named, and the token is one acting for that tenant.
 * <p>
 * Failures: {@link NotificationRefused} (a 4xx; not retried), {@link NotificationUnavailable} or a
 * transport failure (down, slow, breaker open; after bounded retries), {@code NoServiceClient} and
 * {@code ServiceTokenRefused} (no usable service client). A 401 gets one more attempt with a new token.
 * A caller that must not lose the event keeps it and publishes it again later under the same key.
 * <p>
 * The bean and its REST client are created on first use.
 */
@ApplicationScoped
public class NotificationClient {

    private final NotificationTransport transport;
    private final ServiceTokens tokens;

    NotificationClient(NotificationTransport transport, ServiceTokens tokens) {
        this.transport = transport;
        this.tokens = tokens;
    }

    /**
     * Publishes {@code event} of {@code tenant}. {@code idempotencyKey} names the event for
     * notification-service: publishing the same event again under it answers the first result, so
     * a producer that retries (an outbox) never notifies twice. The same key with another event is
     * refused (409).
     */
    public Uni<PublishedEvent> publish(UUID tenant, NotificationEvent event, String idempotencyKey) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(event, "event");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A published event has an idempotency key");
        }
        String requestId = RequestIds.current();
        return tokens.authorized(tenant, token -> transport.publish(token.authorization(), idempotencyKey, requestId, event));
    }
}
