package dev.flotilla.common.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of {@link PolicyClient}, under {@code flotilla.policy-client}. policy-service's address is
 * {@code quarkus.rest-client.policy.url} ({@code FLOTILLA_POLICY_URL}).
 */
@ConfigMapping(prefix = "flotilla.policy-client")
public interface PolicyClientConfig {

    /**
     * How long a decision of policy-service is reused for the same tenant and question; a policy
     * change reaches a caller at most this late. {@code 0} turns the cache off.
     */
    @WithDefault("5s")
    Duration cacheTtl();

    /** Most decisions kept in the cache; beyond it the least useful are evicted. */
    @WithDefault("10000")
    long cacheMaxEntries();
}
