package dev.flotilla.conversation.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model providers, under {@code flotilla.llm}: the unnamed one of {@code FLOTILLA_LLM_BASE_URL},
 * {@code FLOTILLA_LLM_API_KEY} and {@code FLOTILLA_LLM_MODEL}, and any number of named ones under
 * {@code flotilla.llm.providers.<name>}. None at all is a valid state: the service starts, and a
 * call to a model answers 503. The timeouts, retries and breaker settings here are the defaults
 * every provider may override.
 */
@ConfigMapping(prefix = "flotilla.llm")
public interface ModelConfig {

    /** The name under which the unnamed provider is listed and chosen. */
    String UNNAMED = "default";

    /** Base URL of the unnamed provider's OpenAI-compatible API, e.g. {@code https://api.openai.com/v1}. */
    Optional<String> baseUrl();

    /** Its API key, sent as a bearer token; none for servers that need none (Ollama, llama.cpp). */
    Optional<String> apiKey();

    /** Its model, used when a call names none. */
    Optional<String> model();

    /** The provider a call that names none goes to: {@value #UNNAMED} when a base URL is set, else this one. */
    Optional<String> defaultProvider();

    /** The named providers. */
    Map<String, NamedProvider> providers();

    /** Time to open a TCP (and TLS) connection to a provider. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Time from sending a request to the first byte of the answer's body; a model thinks before
     * its first token, and a non-streamed answer must arrive whole within it.
     */
    @WithDefault("60s")
    Duration firstByteTimeout();

    /** Longest silence between two chunks of a streamed answer. */
    @WithDefault("30s")
    Duration idleTimeout();

    /** Retries of a call answered 429 or 5xx, or whose connection failed, before any of its answer was delivered. */
    @WithDefault("2")
    int maxRetries();

    /** First back-off of a retry without {@code Retry-After}; doubled for each further retry. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /** The longest wait a provider's {@code Retry-After} may impose; a longer one is not waited for. */
    @WithDefault("20s")
    Duration maxRetryAfter();

    /** Attempts the circuit breaker looks back on. */
    @WithDefault("10")
    int breakerVolume();

    /** Share of failed attempts among them that opens the breaker. */
    @WithDefault("0.5")
    double breakerFailureRatio();

    /** How long an open breaker refuses calls before it lets one through again. */
    @WithDefault("30s")
    Duration breakerDelay();

    /** A provider with its own name, under {@code flotilla.llm.providers.<name>}. */
    interface NamedProvider {

        /** Base URL of its OpenAI-compatible API. */
        String baseUrl();

        /** Its API key. */
        Optional<String> apiKey();

        /**
         * The header that carries the key: {@code Authorization} as {@code Bearer <key>}, or another
         * header with the bare key (Azure OpenAI's {@code api-key}).
         */
        @WithDefault("Authorization")
        String apiKeyHeader();

        /** Its model, used when a call names none. */
        Optional<String> model();

        /** Further models it serves, listed and routed to it by name. */
        Optional<List<String>> models();

        Optional<Duration> connectTimeout();

        Optional<Duration> firstByteTimeout();

        Optional<Duration> idleTimeout();

        Optional<Integer> maxRetries();

        Optional<Duration> retryBackoff();

        Optional<Integer> breakerVolume();

        Optional<Duration> breakerDelay();
    }
}
