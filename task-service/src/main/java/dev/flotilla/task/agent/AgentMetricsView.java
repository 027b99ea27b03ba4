package dev.flotilla.task.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What an agent achieved within a window, computed from the task history (the events that ended
 * its attempts), not from counters: attempts completed, failed (reported failures, expired leases,
 * time-outs) and cancelled, the success rate among completed and failed, the tasks it holds now,
 * and the median and 95th percentile duration of its successful attempts, in milliseconds.
 */
public record AgentMetricsView(
        UUID agentId,
        Duration window,
        Instant since,
        long completed,
        long failed,
        long cancelled,
        Double successRate,
        long inFlight,
        Double durationP50Ms,
        Double durationP95Ms) {
}
