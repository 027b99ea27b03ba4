package dev.flotilla.auth.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One entry of a tenant's audit trail: who ({@code actor}) did what ({@code type}) to whom ({@code subject}). */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public String type;
    public String actor;
    public String subject;
    public Instant occurredAt;
    public String clientAddress;
    public String userAgent;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;
}
