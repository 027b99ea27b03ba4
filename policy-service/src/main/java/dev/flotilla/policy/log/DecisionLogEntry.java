package dev.flotilla.policy.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A sampled decision: the question ({@code input}), the answer ({@code result}), the version of
 * every policy in force and how long it took. The versions are those of the {@link PolicySet}
 * {@code policySetId}; entries written before sets existed hold them inline ({@code policyVersions},
 * policy id → version). Subject, action and resource are copied into columns so that the log can be filtered.
 */
@Entity
@Table(name = "decision_logs")
public class DecisionLogEntry {

    @Id
    public UUID id;
    public UUID tenantId;
    public Instant createdAt;
    public String decision;
    public String subjectId;
    public String action;
    public String resourceType;
    public String resourceId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public Map<String, Object> input;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public Map<String, Object> result;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> policyVersions;
    public UUID policySetId;
    public long evaluationMicros;
}
