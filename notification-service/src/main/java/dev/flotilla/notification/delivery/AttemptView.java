package dev.flotilla.notification.delivery;

import java.time.Instant;

/**
 * One attempt of a delivery: when it started, how long it took, what the other side answered (status, the first
 * kilobyte of the body) or why there was no answer. An attempt without duration or error is under way.
 */
public record AttemptView(int attempt, Instant startedAt, Integer durationMs, Integer responseStatus,
        String responseExcerpt, String error) {
}
