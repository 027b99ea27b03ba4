package dev.flotilla.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of policy-service, under {@code flotilla.policy}. */
@ConfigMapping(prefix = "flotilla.policy")
public interface PolicyConfig {

    /** The compiled-policy caches. */
    Cache cache();

    /** The decision log. */
    DecisionLog decisionLog();

    /**
     * Whether a tenant seen for the first time gets the default policy (admins everything, members their own, viewers read).
     */
    @WithDefault("true")
    boolean defaultPolicy();

    interface Cache {
        /** How many compiled policy versions stay in memory (versions are immutable). */
        @WithDefault("20000")
        long maxCompiledVersions();

        /**
         * How long a tenant's set of active policies is trusted without a change notification;
         * a safety net under LISTEN/NOTIFY, which normally invalidates as soon as a change commits.
         */
        @WithDefault("10m")
        Duration tenantTtl();
    }

    interface DecisionLog {
        /** Share of ALLOW decisions written to the log, 0.0 to 1.0. */
        @WithDefault("0.1")
        double allowSampleRate();

        /** Share of DENY decisions written to the log, 0.0 to 1.0. */
        @WithDefault("1.0")
        double denySampleRate();

        /** How long log entries are kept before the retention job deletes them. */
        @WithDefault("30d")
        Duration retention();

        /** Most entries waiting in memory for the writer; beyond it entries are dropped and counted. */
        @WithDefault("10000")
        int bufferSize();

        /** Most entries written in one insert batch. */
        @WithDefault("500")
        int batchSize();

        /**
         * How often buffered entries are written to the database. Often and small rather than
         * rarely and large: each write takes a core of PostgreSQL for its duration.
         */
        @WithDefault("0.2s")
        Duration flushInterval();

        /** How often the retention job deletes expired entries. */
        @WithDefault("1h")
        Duration retentionInterval();
    }
}
