package dev.flotilla.health.registry;

import java.util.Locale;

/** How a target is checked: one HTTP request, a TCP connection, or a Quarkus service's three probes. */
public enum TargetKind {
    HTTP,
    TCP,
    QUARKUS;

    /** The kind as the API writes it: {@code http}, {@code tcp}, {@code quarkus}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind {@code text} names, or null when it names none. */
    static TargetKind of(String text) {
        for (TargetKind kind : values()) {
            if (kind.text().equals(text)) {
                return kind;
            }
        }
        return null;
    }
}
