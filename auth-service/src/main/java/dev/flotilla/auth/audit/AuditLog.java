package dev.flotilla.auth.audit;

import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.id.Ids;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes audit events. {@link #record} joins the caller's transaction, so an event is stored exactly
 * when the change it describes is; {@link #recordAlone} has its own, for events without a change
 * (a failed login).
 */
@ApplicationScoped
public class AuditLog {

    private final AuditEventRepository repository;

    public AuditLog(AuditEventRepository repository) {
        this.repository = repository;
    }

    public Uni<Void> record(UUID tenant, String type, String actor, String subject, Origin origin, Map<String, Object> detail) {
        AuditEvent event = new AuditEvent();
        event.id = Ids.next();
        event.tenantId = tenant;
        event.type = type;
        event.actor = actor;
        event.subject = subject;
        event.occurredAt = Instant.now();
        event.clientAddress = origin.address();
        event.userAgent = origin.userAgent();
        event.detail = detail == null ? Map.of() : detail;
        return repository.persist(event).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> recordAlone(UUID tenant, String type, String actor, String subject, Origin origin,
            Map<String, Object> detail) {
        return record(tenant, type, actor, subject, origin, detail);
    }
}
