package dev.flotilla.task.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/v1/agents/{id}/claims}: at most {@code max} tasks (default 1),
 * waiting up to {@code waitSeconds} (default 0) for work if there is none now, each held under a
 * lease of {@code leaseSeconds} (default from configuration) that task heartbeats renew. An agent
 * that finished tasks may first {@code complete} them in the same call (up to {@value CompleteTasks#MAX},
 * each under its lease, as {@code POST /api/v1/tasks/completions} would), then take its next ones.
 */
public record ClaimRequest(
        @Min(value = 1, message = "must be at least 1") Integer max,
        @Min(value = 0, message = "must not be negative") Integer waitSeconds,
        @Min(value = 1, message = "must be at least 1") @Max(value = 86_400, message = "must be at most 86400") Integer leaseSeconds,
        @Size(max = CompleteTasks.MAX) List<@NotNull @Valid TaskCompletion> complete) {
}
