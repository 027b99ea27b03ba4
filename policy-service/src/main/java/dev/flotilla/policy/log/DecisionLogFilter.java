package dev.flotilla.policy.log;

import dev.flotilla.policy.evaluation.Decision;

import java.time.Instant;

/** What {@code GET /api/v1/decision-logs} narrows the log to; {@code null} members do not filter. */
public record DecisionLogFilter(Decision decision, String action, String subjectId, String resourceType, String resourceId,
                                Instant from, Instant to) {
}
