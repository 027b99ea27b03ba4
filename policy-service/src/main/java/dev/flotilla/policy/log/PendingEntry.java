package dev.flotilla.policy.log;

import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A sampled decision waiting in memory for the log writer. It holds the question and answer
 * themselves: they are turned into JSON once, by the writer, off the request path.
 * {@code versions} is the rule set's own immutable map, shared by every decision made under it.
 */
record PendingEntry(UUID id, UUID tenantId, Instant createdAt, DecisionRequest request, DecisionOutcome outcome,
        Map<String, Integer> versions) {
}
