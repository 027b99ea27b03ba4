package dev.flotilla.health.history;

import java.time.Instant;

/**
 * One step of a target's history: when it began, its checks and failures, the fraction of checks that were up, and
 * its latency percentiles in milliseconds.
 */
public record HistoryPoint(Instant at, long checks, long failures, double uptime, Integer p50, Integer p95, Integer p99) {

    static HistoryPoint of(Instant at, long checks, long failures, Integer p50, Integer p95, Integer p99) {
        return new HistoryPoint(at, checks, failures, (double) (checks - failures) / checks, p50, p95, p99);
    }
}
