package dev.flotilla.policy.policy;

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
 * One immutable version of a policy's rules, numbered from 1. The document is
 * {@code {"rules": [...]}} exactly as written. Never updated: a change is a new version.
 */
@Entity
@Table(name = "policy_versions")
public class PolicyVersion {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID policyId;
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> document;
    public Instant createdAt;
    public String createdBy;
}
