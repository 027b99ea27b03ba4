package dev.flotilla.health.condition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Observations to judge, and a shorthand for judging one by a few conditions. */
final class Observations {

    static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private Observations() {
    }

    static Observation http(int status, long responseTimeMs, String body) {
        return new Observation(status, responseTimeMs, body, null, true, AT);
    }

    static Observation body(String body) {
        return http(200, 10, body);
    }

    static Observation status(int status) {
        return http(status, 10, "");
    }

    static Observation tcp(boolean connected) {
        return new Observation(null, 5, null, null, connected, AT);
    }

    static Observation certificateExpiringIn(Duration left) {
        return new Observation(200, 10, "", AT.plus(left), true, AT);
    }

    /** The reasons the observation fails the conditions; empty when it meets them all. */
    static List<String> failing(Observation observation, String... conditions) {
        return Conditions.parse(List.of(conditions)).failing(observation);
    }

    /** Whether the observation meets the one condition. */
    static boolean meets(Observation observation, String condition) {
        return failing(observation, condition).isEmpty();
    }
}
