package dev.flotilla.health.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of targets and their checks, under {@code flotilla.health}. */
@ConfigMapping(prefix = "flotilla.health")
public interface HealthConfig {

    /**
     * Networks (CIDR, comma-separated; {@code FLOTILLA_HEALTH_ALLOWED_NETWORKS}) that targets may point into although
     * they are loopback, private or link-local. None by default: targets must resolve to public addresses. The suite's
     * own services are always allowed.
     */
    Optional<List<String>> allowedNetworks();

    /** The shortest interval a target may have. */
    @WithDefault("5s")
    Duration minInterval();

    /** The longest interval a target may have. */
    @WithDefault("24h")
    Duration maxInterval();

    /** The longest timeout a target may have (also how long a connection may take to open). */
    @WithDefault("60s")
    Duration maxTimeout();

    /** The YAML file of targets loaded at start-up ({@code FLOTILLA_HEALTH_TARGETS_FILE}); none by default. */
    Optional<String> targetsFile();

    Check check();

    Heartbeat heartbeat();

    /** How the checker works, under {@code flotilla.health.check}. */
    interface Check {

        /** How often each replica looks for due targets (a timer starts checks due sooner). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How many checks a replica runs at once. */
        @WithDefault("64")
        int concurrency();

        /** How much longer than its timeout a replica holds a target it checks, to record the result. */
        @WithDefault("2s")
        Duration leaseSlack();

        /** How many bytes of an answer are read for the conditions. */
        @WithDefault("65536")
        int bodyLimit();

        /** How many characters of a failing answer a result keeps. */
        @WithDefault("1024")
        int excerptChars();
    }

    /** How push targets are judged, under {@code flotilla.health.heartbeat}. */
    interface Heartbeat {

        /**
         * How late a heartbeat may be, at least: a push target is up while its last heartbeat came within its interval
         * and a tenth of it, but no less than this, before the check, so that a job's own jitter is no failure.
         */
        @WithDefault("5s")
        Duration grace();
    }
}
