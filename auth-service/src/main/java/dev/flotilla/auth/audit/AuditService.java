package dev.flotilla.auth.audit;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** The audit trail's query side, the events other services record, and retention. */
@ApplicationScoped
public class AuditService {

    private final AuditEventRepository events;
    private final AuditLog log;
    private final AuthConfig config;

    public AuditService(AuditEventRepository events, AuditLog log, AuthConfig config) {
        this.events = events;
        this.log = log;
        this.config = config;
    }

    /** An audit event as the API shows it. */
    public record AuditView(UUID id, String type, String actor, String subject, Instant occurredAt,
            String clientAddress, String userAgent, Map<String, Object> detail) {
        static AuditView of(AuditEvent e) {
            return new AuditView(e.id, e.type, e.actor, e.subject, e.occurredAt, e.clientAddress, e.userAgent, e.detail);
        }
    }

    @WithSession
    public Uni<Page<AuditView>> query(UUID tenant, String type, String actor, String from, String to, PageParams page) {
        var filter = new AuditEventRepository.AuditFilter(blankToNull(type), blankToNull(actor), instant("from", from),
                instant("to", to));
        return events.page(tenant, filter, page)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), e -> Cursor.of(e.id)).map(AuditView::of));
    }

    /** Records an event another service reports, in the reporting service's tenant, as that service. */
    @WithTransaction
    public Uni<Void> recordReported(UUID tenant, String reporter, String type, String actor, String subject,
            Map<String, Object> detail, Origin origin) {
        if (type.startsWith("auth.")) {
            return Uni.createFrom().failure(new BadRequest("type", "the auth.* types are recorded by auth-service itself"));
        }
        Map<String, Object> withReporter = new java.util.LinkedHashMap<>(detail == null ? Map.of() : detail);
        withReporter.put("reportedBy", reporter);
        return log.record(tenant, type, actor, subject, origin, withReporter);
    }

    /** Deletes events older than the retention period; returns how many. */
    @WithTransaction
    public Uni<Long> applyRetention() {
        return events.deleteOlderThan(Instant.now().minus(config.audit().retentionDays(), ChronoUnit.DAYS));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, "'" + value + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
