package dev.flotilla.notification.audit;

import dev.flotilla.common.audit.AuditRecord;
import dev.flotilla.common.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where the service's security-relevant changes (webhook endpoints created, deleted, re-keyed, switched on or off)
 * are written for auth-service's audit trail: into the outbox, inside the change's own transaction, so an event is
 * recorded exactly when its change commits; {@link AuditShipper} sends it on.
 */
@ApplicationScoped
public class AuditTrail {

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes {@code type} ({@code notification.<thing>.<what happened>}) by {@code actor} on {@code subject}; its detail
     * says when ({@code at}), as auth-service may receive it later.
     */
    public Uni<Void> record(SqlConnection tx, UUID tenant, String type, String actor, String subject,
            Map<String, Object> detail) {
        Instant now = clock.instant();
        Map<String, Object> dated = new LinkedHashMap<>(detail);
        dated.put("at", now.toString());
        return AuditSql.insert(tx, Ids.next(), tenant, new AuditRecord(type, actor, subject, dated), now);
    }
}
