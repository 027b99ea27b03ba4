package dev.flotilla.task.agent;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A registered agent of a tenant: what it can do ({@code capabilities}, {@code tools}), how it is
 * configured, what it remembers across restarts ({@code memory}: facts, decisions, context) and
 * when it last showed signs of life.
 */
@Entity
@Table(name = "agents")
public class Agent {

    @Id
    public UUID id;
    public UUID tenantId;
    public String name;
    @Enumerated(EnumType.STRING)
    public AgentType type;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> capabilities;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tools;
    public String modelPreference;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> config;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> memory;
    @Enumerated(EnumType.STRING)
    public AgentLifecycle lifecycle;
    public Instant lastHeartbeatAt;
    public Instant createdAt;
    public Instant updatedAt;
}
