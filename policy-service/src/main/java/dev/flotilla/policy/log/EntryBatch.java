package dev.flotilla.policy.log;

import dev.flotilla.policy.log.PolicySetRepository.StoredSet;
import dev.flotilla.policy.policy.PolicyDocuments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pending entries as the writer stores them: a column of values per field, questions and answers
 * as JSON text, and the distinct policy sets the entries refer to. Building one serializes every
 * entry, which is why the writer builds it on a worker thread rather than an event loop.
 */
final class EntryBatch {

    final UUID[] ids;
    final UUID[] tenants;
    final OffsetDateTime[] times;
    final String[] decisions;
    final String[] subjects;
    final String[] actions;
    final String[] resourceTypes;
    final String[] resourceIds;
    final String[] inputs;
    final String[] results;
    final UUID[] policySetIds;
    final Long[] evaluationMicros;
    final List<StoredSet> policySets = new ArrayList<>();

    EntryBatch(List<PendingEntry> entries, PolicyDocuments documents) {
        int size = entries.size();
        ids = new UUID[size];
        tenants = new UUID[size];
        times = new OffsetDateTime[size];
        decisions = new String[size];
        subjects = new String[size];
        actions = new String[size];
        resourceTypes = new String[size];
        resourceIds = new String[size];
        inputs = new String[size];
        results = new String[size];
        policySetIds = new UUID[size];
        evaluationMicros = new Long[size];
        // Decisions made under one rule set share its versions map: a set's id and JSON are
        // computed once per batch, keyed by tenant and the map's identity, not once per entry.
        Map<UUID, Map<Map<String, Integer>, StoredSet>> sets = new HashMap<>();
        for (int i = 0; i < size; i++) {
            PendingEntry entry = entries.get(i);
            ids[i] = entry.id();
            tenants[i] = entry.tenantId();
            times[i] = entry.createdAt().atOffset(ZoneOffset.UTC);
            decisions[i] = entry.outcome().decision().name();
            subjects[i] = entry.request().subject().id();
            actions[i] = entry.request().action();
            resourceTypes[i] = entry.request().resource().type();
            resourceIds[i] = entry.request().resource().id();
            inputs[i] = documents.toJsonText(entry.request());
            results[i] = documents.toJsonText(entry.outcome());
            evaluationMicros[i] = entry.outcome().evaluationMicros();
            policySetIds[i] = sets.computeIfAbsent(entry.tenantId(), tenant -> new IdentityHashMap<>())
                    .computeIfAbsent(entry.versions(), versions -> {
                        StoredSet set = new StoredSet(PolicySet.idOf(entry.tenantId(), versions), entry.tenantId(),
                                documents.toJsonText(versions));
                        policySets.add(set);
                        return set;
                    }).id();
        }
    }

    int size() {
        return ids.length;
    }
}
