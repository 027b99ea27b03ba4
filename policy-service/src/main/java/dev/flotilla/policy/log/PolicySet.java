package dev.flotilla.policy.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The versions of a tenant's policies (policy id → version) some logged decisions were made under,
 * stored once and referenced by those entries ({@link DecisionLogEntry#policySetId}).
 */
@Entity
@Table(name = "decision_log_policy_sets")
public class PolicySet {

    @Id
    public UUID id;
    public UUID tenantId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> versions;
    public Instant lastUsedAt;

    /**
     * The id of the set of {@code versions} in {@code tenant}: a name-based UUID of both, so that
     * every replica, at any time, gives one set one id and stores it once.
     */
    public static UUID idOf(UUID tenant, Map<String, Integer> versions) {
        StringBuilder name = new StringBuilder(tenant.toString());
        new TreeMap<>(versions).forEach((policy, version) -> name.append('\n').append(policy).append('=').append(version));
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
