package dev.flotilla.common.audit;

import dev.flotilla.common.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where a service's security-relevant changes are written for auth-service's audit trail: into the outbox of its own
 * schema, inside the change's own transaction, so an event is recorded exactly when its change commits;
 * {@link AuditShipper} sends it on. Time is the service's {@link Clock} when it has one, else the system's.
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditSql sql;
    private final Clock clock;

    AuditTrail(AuditSql sql, Instance<Clock> clock) {
        this.sql = sql;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
    }

    /**
     * Writes {@code type} ({@code <service>.<thing>.<what happened>}) by {@code actor} on {@code subject}; its detail
     * says when ({@code at}), as auth-service may receive it later. Nothing secret goes in the detail.
     */
    public Uni<Void> record(SqlConnection tx, UUID tenant, String type, String actor, String subject,
            Map<String, Object> detail) {
        Instant now = clock.instant();
        Map<String, Object> dated = new LinkedHashMap<>(detail);
        dated.put("at", now.toString());
        return sql.insert(tx, Ids.next(), tenant, new AuditRecord(type, actor, subject, dated), now);
    }
}
