package dev.flotilla.config.change;

import dev.flotilla.common.error.BadRequest;

import java.util.Locale;

/** What a change request changes: entries of one namespace, or flags of one environment. */
enum Kind {
    ENTRIES,
    FLAGS;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Kind parse(String field, String text) {
        for (Kind kind : values()) {
            if (kind.wire().equals(text)) {
                return kind;
            }
        }
        throw new BadRequest(field, "must be entries or flags");
    }
}
