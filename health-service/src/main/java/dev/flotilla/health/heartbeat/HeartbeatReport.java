package dev.flotilla.health.heartbeat;

/**
 * The optional body of {@code POST /api/v1/targets/{id}/heartbeat}: the job's own verdict, {@code up} (the default)
 * or {@code down}, and a message saying why.
 */
public record HeartbeatReport(String status, String message) {
}
