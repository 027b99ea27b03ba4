package dev.flotilla.conversation.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The cache of agent profiles, under {@code flotilla.conversation.agents}. */
@ConfigMapping(prefix = "flotilla.conversation.agents")
public interface AgentCacheConfig {

    /**
     * How long a profile is kept after it was read: the longest a change of the agent in task-service takes to reach
     * chats (changes of the user's own customizations and ended sessions evict at once).
     */
    @WithDefault("5m")
    Duration cacheTtl();

    @WithDefault("10000")
    long cacheMaxEntries();
}
