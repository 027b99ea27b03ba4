package dev.flotilla.policy.log;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Decision-log rows as a replica stores them, for tests that write the log's tables directly. */
final class StoredEntries {

    private StoredEntries() {
    }

    /** A denied {@code read} of {@code doc:1} by {@code s}, logged at {@code at}. */
    static DecisionLogEntry entry(UUID tenant, Instant at) {
        DecisionLogEntry entry = new DecisionLogEntry();
        entry.id = UUID.randomUUID();
        entry.tenantId = tenant;
        entry.createdAt = at;
        entry.decision = "DENY";
        entry.subjectId = "s";
        entry.action = "read";
        entry.resourceType = "doc";
        entry.resourceId = "1";
        entry.input = Map.of("action", "read");
        entry.result = Map.of("decision", "DENY");
        entry.policyVersions = Map.of();
        entry.evaluationMicros = 1;
        return entry;
    }

    /** A set of one policy version, last used at {@code lastUsed}. */
    static PolicySet policySet(UUID tenant, Instant lastUsed) {
        PolicySet set = new PolicySet();
        set.id = UUID.randomUUID();
        set.tenantId = tenant;
        set.versions = Map.of("a-policy", 1);
        set.lastUsedAt = lastUsed;
        return set;
    }
}
