package dev.flotilla.policy.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;
import dev.flotilla.policy.policy.PolicyDocuments;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How pending decision-log entries are laid out for the one insert that writes them. */
class EntryBatchTest {

    private static final PolicyDocuments DOCUMENTS = new PolicyDocuments(new ObjectMapper());
    private static final Instant AT = Instant.parse("2026-03-02T12:00:00Z");

    private final UUID tenant = UUID.randomUUID();

    private static PendingEntry entry(UUID tenant, String subject, String resourceId, Decision decision,
            Map<String, Integer> versions) {
        var request = new DecisionRequest(new DecisionRequest.Subject(subject, List.of("member"), Map.of()), "read",
                new DecisionRequest.Resource("doc", resourceId, Map.of()), Map.of());
        var outcome = new DecisionOutcome(decision, List.of(), List.of("because"), 4);
        return new PendingEntry(UUID.randomUUID(), tenant, AT, request, outcome, versions);
    }

    @Test
    void eachFieldIsAColumnHoldingTheEntriesInOrder() {
        Map<String, Integer> versions = Map.of("policy-a", 1);
        PendingEntry first = entry(tenant, "alice", "d-1", Decision.ALLOW, versions);
        PendingEntry second = entry(tenant, "bob", "d-2", Decision.DENY, versions);
        EntryBatch batch = new EntryBatch(List.of(first, second), DOCUMENTS);
        assertEquals(2, batch.size());
        assertArrayEquals(new UUID[] { first.id(), second.id() }, batch.ids);
        assertArrayEquals(new UUID[] { tenant, tenant }, batch.tenants);
        assertArrayEquals(new String[] { "ALLOW", "DENY" }, batch.decisions);
        assertArrayEquals(new String[] { "alice", "bob" }, batch.subjects);
        assertArrayEquals(new String[] { "read", "read" }, batch.actions);
        assertArrayEquals(new String[] { "doc", "doc" }, batch.resourceTypes);
        assertArrayEquals(new String[] { "d-1", "d-2" }, batch.resourceIds);
        assertArrayEquals(new Long[] { 4L, 4L }, batch.evaluationMicros);
    }

    @Test
    void timesAreWrittenInUtc() {
        EntryBatch batch = new EntryBatch(List.of(entry(tenant, "alice", "d-1", Decision.ALLOW, Map.of())), DOCUMENTS);
        assertEquals(OffsetDateTime.of(2026, 3, 2, 12, 0, 0, 0, ZoneOffset.UTC), batch.times[0]);
    }

    @Test
    void aQuestionWithoutAResourceIdLeavesItsColumnEmpty() {
        EntryBatch batch = new EntryBatch(List.of(entry(tenant, "alice", null, Decision.ALLOW, Map.of())), DOCUMENTS);
        assertNull(batch.resourceIds[0]);
    }

    @Test
    void questionsAndAnswersAreKeptAsJsonText() {
        EntryBatch batch = new EntryBatch(List.of(entry(tenant, "alice", "d-1", Decision.DENY, Map.of())), DOCUMENTS);
        assertTrue(batch.inputs[0].contains("\"subject\":{\"id\":\"alice\""), batch.inputs[0]);
        assertTrue(batch.results[0].contains("\"decision\":\"DENY\""), batch.results[0]);
    }

    @Test
    void entriesMadeUnderOneRuleSetReferToOneStoredPolicySet() {
        Map<String, Integer> versions = Map.of("policy-a", 1, "policy-b", 4);
        EntryBatch batch = new EntryBatch(List.of(
                entry(tenant, "alice", "d-1", Decision.ALLOW, versions),
                entry(tenant, "bob", "d-2", Decision.DENY, versions),
                entry(tenant, "carol", "d-3", Decision.DENY, versions)), DOCUMENTS);
        assertEquals(1, batch.policySets.size());
        var set = batch.policySets.get(0);
        assertEquals(PolicySet.idOf(tenant, versions), set.id());
        assertEquals(tenant, set.tenantId());
        assertEquals(List.of(set.id(), set.id(), set.id()), Arrays.asList(batch.policySetIds));
    }

    @Test
    void eachTenantsEntriesReferToTheirTenantsSet() {
        Map<String, Integer> versions = Map.of("policy-a", 1);
        UUID other = UUID.randomUUID();
        EntryBatch batch = new EntryBatch(List.of(
                entry(tenant, "alice", "d-1", Decision.ALLOW, versions),
                entry(other, "bob", "d-2", Decision.ALLOW, versions)), DOCUMENTS);
        assertEquals(List.of(tenant, other), batch.policySets.stream().map(PolicySetRepository.StoredSet::tenantId).toList());
        assertEquals(List.of(PolicySet.idOf(tenant, versions), PolicySet.idOf(other, versions)),
                Arrays.asList(batch.policySetIds));
    }

    @Test
    void aSetIsStoredWithItsVersionsAsJson() {
        EntryBatch batch = new EntryBatch(List.of(entry(tenant, "alice", "d-1", Decision.ALLOW, Map.of("policy-a", 3))),
                DOCUMENTS);
        assertEquals("{\"policy-a\":3}", batch.policySets.get(0).versionsJson());
    }
}
