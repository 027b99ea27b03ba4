package dev.flotilla.health.page;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a status page shows at one moment, whatever the form (HTML, Statuspage JSON, Atom, badges): its components
 * (the targets it shows), with their state and daily uptime, its incidents, newest first, and its maintenance windows.
 */
public record PageContent(StatusPage page, Instant at, List<Component> components, List<Incident> incidents,
        List<Maintenance> maintenances) {

    /** The state of a component, as people read it. */
    public enum State {
        UP("Operational"),
        IMPACTED("Degraded"),
        DOWN("Down"),
        MAINTENANCE("Maintenance"),
        UNKNOWN("Not checked yet");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One target on the page; {@code days} oldest first, a day without checks has none. */
    public record Component(UUID id, String name, String group, State state, Instant since, Instant checkedAt,
            Integer latencyMs, Instant createdAt, List<Day> days) {
    }

    /** The checks of one day (UTC) and how many failed. */
    public record Day(LocalDate date, long checks, long failures) {

        /** The fraction of checks that passed, or null without checks. */
        public Double uptime() {
            return checks == 0 ? null : (double) (checks - failures) / checks;
        }
    }

    /** An incident of a component on the page, with its updates newest first. */
    public record Incident(UUID id, String name, String status, String impact, Instant createdAt, Instant updatedAt,
            Instant resolvedAt, List<Update> updates, List<UUID> componentIds) {
    }

    /**
     * A maintenance window of the page's components, in progress ({@code in_progress}) or to come ({@code scheduled}):
     * one-off windows, and recurring ones while an occurrence is under way.
     */
    public record Maintenance(UUID id, String name, String status, Instant scheduledFor, Instant scheduledUntil,
            List<UUID> componentIds) {
    }

    /** One update of an incident: its status then and what was said. */
    public record Update(UUID id, String status, String body, Instant createdAt) {
    }

    /** The worst state of the page's components: what its banner says. */
    public State overall() {
        State worst = State.UP;
        for (Component component : components) {
            if (component.state().ordinal() > worst.ordinal() && component.state() != State.UNKNOWN
                    && component.state() != State.MAINTENANCE) {
                worst = component.state();
            }
        }
        return worst;
    }

    /** The component called {@code name}, or null. */
    public Component component(String name) {
        return components.stream().filter(component -> component.name().equals(name)).findFirst().orElse(null);
    }
}
