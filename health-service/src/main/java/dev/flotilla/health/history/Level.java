package dev.flotilla.health.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A rollup level: the length of its buckets and the table that holds them. */
enum Level {
    MINUTE(Duration.ofMinutes(1), "health.rollups_minute"),
    HOUR(Duration.ofHours(1), "health.rollups_hour");

    final Duration length;
    final String table;

    Level(Duration length, String table) {
        this.length = length;
        this.table = table;
    }

    /** The start of the bucket {@code at} falls in (buckets are aligned to the epoch, in UTC). */
    Instant floor(Instant at) {
        long millis = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }

    /** The level named {@code mark} in {@code rollup_marks}. */
    static Level of(String mark) {
        return valueOf(mark.toUpperCase(Locale.ROOT));
    }

    /** The level's name in {@code rollup_marks}. */
    String mark() {
        return name().toLowerCase(Locale.ROOT);
    }
}
