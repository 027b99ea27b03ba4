package dev.flotilla.config.settings;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.flotilla.common.error.BadRequest;

/** Where an effective setting comes from: the user's own value, or the tenant's default. */
public enum Source {
    USER("user"),
    TENANT("tenant");

    private final String name;

    Source(String name) {
        this.name = name;
    }

    @JsonValue
    public String label() {
        return name;
    }

    /** The {@code ?source=} filter: null (absent) for effective values, else the one source to show. */
    static Source only(String source) {
        if (source == null) {
            return null;
        }
        for (Source candidate : values()) {
            if (candidate.name.equals(source)) {
                return candidate;
            }
        }
        throw new BadRequest("source", "must be user (only your own settings) or tenant (only the tenant's defaults)");
    }
}
