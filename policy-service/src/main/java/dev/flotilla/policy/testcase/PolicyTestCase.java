package dev.flotilla.policy.testcase;

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
 * A stored test of a policy: a decision request and the decision the policy must give. A
 * version whose tests do not all pass cannot become active.
 */
@Entity
@Table(name = "policy_tests")
public class PolicyTestCase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID policyId;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> input;
    public String expected;
    /** The value of {@code now} during the test; {@code null} means the time the test runs. */
    public Instant askedAt;
    public Instant createdAt;
}
