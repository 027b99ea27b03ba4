package dev.flotilla.health.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of an incident's timeline: {@code opened} and {@code resolved} by the checks (no author) or a person's
 * {@code update} (a {@code resolved} status resolves the incident), with the status it set.
 */
public record IncidentUpdate(UUID id, Instant at, String kind, String status, String body, String author) {
}
