package dev.flotilla.health.condition;

import java.time.Instant;

/**
 * What one check saw; null members were not observed (a TCP check has no status or body).
 *
 * @param status the HTTP status, or null
 * @param responseTimeMs how long the check took, in milliseconds
 * @param body the response body as text, or null
 * @param certificateExpiresAt when the server's certificate expires, or null without TLS
 * @param connected whether a connection was established
 * @param at when the check ran; the certificate's remaining time is counted from it
 */
public record Observation(Integer status, long responseTimeMs, String body, Instant certificateExpiresAt,
        boolean connected, Instant at) {
}
