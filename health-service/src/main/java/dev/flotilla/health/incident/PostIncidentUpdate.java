package dev.flotilla.health.incident;

/** An update of an incident: its new {@code status} (investigating, identified, monitoring, resolved) and a text. */
public record PostIncidentUpdate(String status, String body) {
}
