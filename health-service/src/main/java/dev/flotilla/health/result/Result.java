package dev.flotilla.health.result;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One check of a target: when it began, UP or DOWN, how long it took, the conditions it failed (each a short reason),
 * the start of the response of a failing check, and the error that kept it from an answer.
 */
public record Result(UUID tenant, UUID targetId, UUID id, Instant at, Status status, int latencyMs, List<String> failing,
        String excerpt, String error) {

    /** A check's verdict. */
    public enum Status {
        UP,
        DOWN
    }
}
