package dev.flotilla.health.registry;

import java.util.Locale;

/**
 * How a target is checked: one HTTP request, a TCP connection, a Quarkus service's three probes, or, for a push target,
 * whether its job sent a heartbeat within the interval.
 */
public enum TargetKind {
    HTTP,
    TCP,
    QUARKUS,
    PUSH;

    /** The kind as the API writes it: {@code http}, {@code tcp}, {@code quarkus}, {@code push}. */
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
