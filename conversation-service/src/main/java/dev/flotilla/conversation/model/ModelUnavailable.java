package dev.flotilla.conversation.model;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

import java.time.Duration;

/**
 * No model can answer now: none is configured, or the provider is down, overloaded, too slow, or
 * its circuit breaker is open. A 503 problem with {@code Retry-After}.
 */
public class ModelUnavailable extends ProblemException {

    /** The detail when no provider is configured at all. */
    public static final String NOT_CONFIGURED = "model provider not configured";

    private final String provider;
    private final Duration retryAfter;

    ModelUnavailable(String provider, String detail, Duration retryAfter) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail);
        this.provider = provider;
        this.retryAfter = retryAfter;
    }

    static ModelUnavailable notConfigured(Duration retryAfter) {
        return new ModelUnavailable(null, NOT_CONFIGURED, retryAfter);
    }

    /** The provider that failed; null when none is configured. */
    public String provider() {
        return provider;
    }

    /** When asking again may succeed, in whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
