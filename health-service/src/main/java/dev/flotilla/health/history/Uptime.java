package dev.flotilla.health.history;

import java.time.Instant;

/**
 * A target's checks over the last hour, day (24 h), week (7 d) and month (30 d), and its latency percentiles over the
 * day in milliseconds (null without checks), as of {@code through}: the minute the rollups have reached, a few minutes
 * behind the clock. The day, week and month count whole hours before the last hour, and the minutes since.
 */
public record Uptime(Instant through, Window hour, Window day, Window week, Window month, Integer p50, Integer p95) {

    /** The checks of a window and how many of them failed. */
    public record Window(int checks, int failures) {

        static Window of(int checks, int failures) {
            return new Window(checks, failures);
        }

        /** The fraction of checks that were up, or null when there were none. */
        public Double uptime() {
            return checks == 0 ? null : (double) (checks - failures) / checks;
        }
    }
}
