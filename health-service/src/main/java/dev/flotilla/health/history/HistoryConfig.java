package dev.flotilla.health.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the history: how results are rolled up and how long each level is kept, under {@code flotilla.health}. */
@ConfigMapping(prefix = "flotilla.health")
public interface HistoryConfig {

    Rollup rollup();

    Retention retention();

    /** The rollup job, under {@code flotilla.health.rollup}. */
    interface Rollup {

        /**
         * How often each replica runs the rollup job ({@code off} stops it); also read by {@code @Scheduled} as
         * {@code flotilla.health.rollup.interval}.
         */
        @WithDefault("30s")
        String interval();

        /**
         * How long after a bucket ends it is rolled up: longer than a check may take to be recorded (its timeout, at
         * most {@code flotilla.health.max-timeout}, and the lease slack), so no result arrives after its bucket.
         */
        @WithDefault("2m")
        Duration settle();

        /** How many buckets one transaction of the job rolls up, so catching up after a stop takes short steps. */
        @WithDefault("60")
        int batch();
    }

    /** How long each level is kept, under {@code flotilla.health.retention}. */
    interface Retention {

        /** How long raw results are kept. */
        @WithDefault("7d")
        Duration raw();

        /**
         * How long minute rollups are kept: as long as raw results by default, so a minute chart reaches as far back
         * as the results it summarises; older history is read from hours.
         */
        @WithDefault("7d")
        Duration minutes();

        /** How long hour rollups are kept. */
        @WithDefault("400d")
        Duration rollups();

        /**
         * How often each replica deletes what is past its retention ({@code off} stops it); also read by
         * {@code @Scheduled} as {@code flotilla.health.retention.interval}.
         */
        @WithDefault("10m")
        String interval();

        /** How many rows one delete statement removes, so no statement holds its locks for long. */
        @WithDefault("5000")
        int batch();
    }
}
