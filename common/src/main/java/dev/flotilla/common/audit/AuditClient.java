package dev.flotilla.common.audit;

import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.servicetoken.ServiceTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Objects;
import java.util.UUID;

/**
 * How a service records an event in auth-service's audit trail ({@code POST /api/v1/audit-events}), as itself: the
 * call carries the service client's token for the event's tenant ({@link ServiceTokens}, role {@code service}), and
 * auth-service files the event under that tenant with the service as its reporter.
 * <p>
 * Failures: {@link AuditRefused} (a 4xx; not retried), {@link AuditUnavailable} or a transport failure (after a
 * retry), {@code NoServiceClient} and {@code ServiceTokenRefused}. A caller that must not lose the event keeps it (an
 * outbox written with the change) and records it again later.
 */
@ApplicationScoped
public class AuditClient {

    private final AuditTransport transport;
    private final ServiceTokens tokens;

    AuditClient(AuditTransport transport, ServiceTokens tokens) {
        this.transport = transport;
        this.tokens = tokens;
    }

    public Uni<Void> record(UUID tenant, AuditRecord event) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(event, "event");
        String requestId = RequestIds.current();
        return tokens.authorized(tenant, token -> transport.record(token.authorization(), requestId, event));
    }
}
