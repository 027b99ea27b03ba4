package dev.flotilla.auth.config;

import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.HashMap;
import java.util.Map;

/**
 * The service's configuration as plain unit tests see it, without Quarkus: every default of
 * {@link AuthConfig}, the few values that have none, and what a test sets itself.
 */
public final class TestAuthConfig {

    private TestAuthConfig() {
    }

    /** The defaults. */
    public static AuthConfig defaults() {
        return with(Map.of());
    }

    /** The defaults, with {@code properties} ({@code flotilla.auth.*} names) set over them. */
    public static AuthConfig with(Map<String, String> properties) {
        Map<String, String> values = new HashMap<>();
        values.put("flotilla.auth.jwks-url", "http://localhost:8081/.well-known/jwks.json");
        values.put("flotilla.auth.issuer", "http://localhost:8081");
        values.put("flotilla.auth.audience", "flotilla");
        values.putAll(properties);
        return new SmallRyeConfigBuilder()
                .withMapping(AuthConfig.class)
                .withDefaultValues(values)
                .build()
                .getConfigMapping(AuthConfig.class);
    }
}
