package dev.flotilla.health.registry;

import java.util.Locale;

/** Where a target was defined, and so what may change it: the API, the targets file, or the suite's settings. */
public enum TargetSource {
    API,
    FILE,
    SUITE;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TargetSource of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
