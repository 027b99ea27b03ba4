package dev.flotilla.health.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The suite's own services, under {@code flotilla.suite}: where each is, what it depends on, how often to check. */
@ConfigMapping(prefix = "flotilla.suite")
public interface SuiteConfig {

    /** By service name ({@code auth}, {@code policy}, ...); a service without a URL is not registered. */
    Map<String, Service> services();

    @WithDefault("30s")
    Duration interval();

    @WithDefault("5s")
    Duration timeout();

    /**
     * How long after a service is first registered it is first checked: the suite's services start together, and one
     * still starting is not yet down.
     */
    @WithDefault("30s")
    Duration firstCheckAfter();

    /** One of the suite's services. */
    interface Service {

        /**
         * Its base URL ({@code FLOTILLA_<SERVICE>_URL}); {@link SuiteTargets} reads it again once this service listens,
         * when a URL naming its own port can be resolved.
         */
        Optional<String> url();

        /** The services it calls, by name. */
        Optional<List<String>> dependsOn();
    }
}
