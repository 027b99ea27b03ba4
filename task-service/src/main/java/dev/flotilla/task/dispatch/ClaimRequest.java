package dev.flotilla.task.dispatch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The body of {@code POST /api/v1/agents/{id}/claims}: at most {@code max} tasks (default 1),
 * waiting up to {@code waitSeconds} (default 0) for work if there is none now, each held under a
 * lease of {@code leaseSeconds} (default from configuration) that task heartbeats renew.
 */
public record ClaimRequest(
        @Min(value = 1, message = "must be at least 1") Integer max,
        @Min(value = 0, message = "must not be negative") Integer waitSeconds,
        @Min(value = 1, message = "must be at least 1") @Max(value = 86_400, message = "must be at most 86400") Integer leaseSeconds) {
}
