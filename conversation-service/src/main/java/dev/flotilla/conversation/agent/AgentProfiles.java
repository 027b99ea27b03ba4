package dev.flotilla.conversation.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.conversation.customization.CustomizationChanged;
import dev.flotilla.conversation.customization.CustomizationService;
import dev.flotilla.conversation.session.SessionsEnded;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.UUID;

/**
 * The profile of an agent for a user (the agent from task-service's registry, read with the user's token, and the
 * user's customizations), cached per (tenant, user, agent): evicted when the user's customizations of the agent change,
 * when a session of the user ends or expires, and after {@code flotilla.conversation.agents.cache-ttl} (task-service
 * does not say when an agent changes). Hits and misses are {@code cache_gets_total{cache="agent-profiles",result}}.
 */
@ApplicationScoped
public class AgentProfiles {

    private final AgentRegistryTransport registry;
    private final CustomizationService customizations;
    private final Cache<Key, AgentProfile> cache;

    AgentProfiles(AgentRegistryTransport registry, CustomizationService customizations, AgentCacheConfig config,
            MeterRegistry meters) {
        this.registry = registry;
        this.customizations = customizations;
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(config.cacheMaxEntries())
                .recordStats().build();
        CaffeineCacheMetrics.monitor(meters, cache, "agent-profiles");
    }

    /**
     * The agent's profile for the user; 404 when task-service knows no such agent for the caller's tenant (or the caller
     * may not read it), 503 when task-service cannot answer.
     */
    public Uni<AgentProfile> of(UUID tenant, String user, UUID agentId, String authorization) {
        Key key = new Key(tenant, user, agentId);
        AgentProfile cached = cache.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        String requestId = RequestIds.current();
        return Uni.createFrom().deferred(() -> registry.agent(authorization, requestId, agentId))
                .onFailure().transform(failure -> failure instanceof AgentRefused ? new NotFound("agent", agentId)
                        : new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                                "The agent registry (task-service) cannot be reached; try again shortly"))
                .chain(agent -> customizations.enabled(tenant, user, agentId)
                        .map(enabled -> AgentProfile.of(agent, enabled)))
                .invoke(profile -> cache.put(key, profile));
    }

    void onCustomizationChanged(@Observes CustomizationChanged change) {
        cache.invalidate(new Key(change.tenant(), change.owner(), change.agentId()));
    }

    void onSessionsEnded(@Observes SessionsEnded ended) {
        List<Key> ofUsers = cache.asMap().keySet().stream()
                .filter(key -> ended.users().contains(new SessionsEnded.User(key.tenant(), key.user()))).toList();
        cache.invalidateAll(ofUsers);
    }

    private record Key(UUID tenant, String user, UUID agentId) {
    }
}
