package dev.flotilla.conversation.model;

import dev.flotilla.common.error.BadRequest;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured providers, built once at start-up, so a misnamed default provider stops the
 * service at once rather than at its first chat. Chooses the provider of a call: the one named, else
 * the one that lists the model named, else the default.
 */
@Startup
@ApplicationScoped
public class ModelProviders {

    private static final Logger LOG = Logger.getLogger(ModelProviders.class);

    private final Map<String, ModelProvider> byName = new LinkedHashMap<>();
    private final ModelProvider defaultProvider;
    private final ModelConfig config;

    ModelProviders(ModelConfig config, Vertx vertx) {
        this.config = config;
        config.baseUrl().ifPresent(url -> byName.put(ModelConfig.UNNAMED, new ModelProvider(new ModelProvider.Settings(
                ModelConfig.UNNAMED, url, config.apiKey().orElse(null), "Authorization", config.model().orElse(null),
                config.model().map(List::of).orElse(List.of()), config.connectTimeout(), config.firstByteTimeout(),
                config.idleTimeout(), config.maxRetries(), config.retryBackoff(), config.maxRetryAfter(),
                config.breakerVolume(), config.breakerFailureRatio(), config.breakerDelay()), vertx)));
        config.providers().forEach((name, named) -> byName.put(name, new ModelProvider(settings(name, named), vertx)));
        String defaultName = config.defaultProvider()
                .orElse(byName.containsKey(ModelConfig.UNNAMED) ? ModelConfig.UNNAMED : null);
        if (defaultName != null && !byName.containsKey(defaultName)) {
            throw new IllegalStateException("flotilla.llm.default-provider names '" + defaultName
                    + "', which is not configured; configured: " + byName.keySet());
        }
        this.defaultProvider = defaultName == null ? null : byName.get(defaultName);
        if (byName.isEmpty()) {
            LOG.info("No model provider configured (FLOTILLA_LLM_BASE_URL): chats answer 503 until one is");
        }
    }

    private ModelProvider.Settings settings(String name, ModelConfig.NamedProvider named) {
        List<String> models = new ArrayList<>();
        named.model().ifPresent(models::add);
        named.models().ifPresent(more -> more.stream().filter(m -> !models.contains(m)).forEach(models::add));
        return new ModelProvider.Settings(name, named.baseUrl(), named.apiKey().orElse(null), named.apiKeyHeader(),
                named.model().orElse(models.isEmpty() ? null : models.get(0)), List.copyOf(models),
                named.connectTimeout().orElse(config.connectTimeout()),
                named.firstByteTimeout().orElse(config.firstByteTimeout()),
                named.idleTimeout().orElse(config.idleTimeout()),
                named.maxRetries().orElse(config.maxRetries()),
                named.retryBackoff().orElse(config.retryBackoff()),
                config.maxRetryAfter(),
                named.breakerVolume().orElse(config.breakerVolume()),
                config.breakerFailureRatio(),
                named.breakerDelay().orElse(config.breakerDelay()));
    }

    /**
     * The provider for a call: {@code provider} when given (unknown: 400), else the one listing
     * {@code model}, else the default; none configured: 503.
     */
    ModelProvider choose(String provider, String model) {
        if (provider != null) {
            ModelProvider named = byName.get(provider);
            if (named == null) {
                throw new BadRequest("provider", "unknown model provider '" + provider + "'; configured: " + byName.keySet());
            }
            return named;
        }
        if (model != null) {
            for (ModelProvider candidate : byName.values()) {
                if (candidate.settings().models().contains(model)) {
                    return candidate;
                }
            }
        }
        if (defaultProvider == null) {
            throw ModelUnavailable.notConfigured(config.breakerDelay());
        }
        return defaultProvider;
    }

    /** The providers and their models, for listings; no address and no key. */
    public List<ModelListing.Provider> listing() {
        return byName.values().stream()
                .map(p -> new ModelListing.Provider(p.name(), p == defaultProvider, p.settings().model(),
                        p.settings().models()))
                .toList();
    }
}
