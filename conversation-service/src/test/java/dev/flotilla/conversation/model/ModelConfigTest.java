package dev.flotilla.conversation.model;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The providers as environment variables configure them. */
class ModelConfigTest {

    private static ModelConfig fromEnvironment(Map<String, String> variables) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ModelConfig.class)
                // Quarkus's own reading of "5s", "500ms", "2m".
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new EnvConfigSource(variables, 300))
                .build();
        return config.getConfigMapping(ModelConfig.class);
    }

    @Test
    void noVariableAtAllIsAValidConfigurationWithoutProviders() {
        ModelConfig config = fromEnvironment(Map.of());

        assertEquals(Optional.empty(), config.baseUrl());
        assertTrue(config.providers().isEmpty());
    }

    @Test
    void theUnnamedProviderComesFromTheThreeVariables() {
        ModelConfig config = fromEnvironment(Map.of("FLOTILLA_LLM_BASE_URL", "https://api.openai.com/v1",
                "FLOTILLA_LLM_API_KEY", "sk-x", "FLOTILLA_LLM_MODEL", "gpt-4o-mini"));

        assertEquals(Optional.of("https://api.openai.com/v1"), config.baseUrl());
        assertEquals(Optional.of("sk-x"), config.apiKey());
        assertEquals(Optional.of("gpt-4o-mini"), config.model());
    }

    @Test
    void aNamedProviderCanBeGivenAsVariables() {
        ModelConfig config = fromEnvironment(Map.of(
                "FLOTILLA_LLM_PROVIDERS_OLLAMA_BASE_URL", "http://localhost:11434/v1",
                "FLOTILLA_LLM_PROVIDERS_OLLAMA_MODEL", "llama3.2",
                "FLOTILLA_LLM_PROVIDERS_OLLAMA_IDLE_TIMEOUT", "2m"));

        ModelConfig.NamedProvider ollama = config.providers().get("ollama");
        assertEquals("http://localhost:11434/v1", ollama.baseUrl());
        assertEquals(Optional.of("llama3.2"), ollama.model());
        assertEquals(Optional.of(Duration.ofMinutes(2)), ollama.idleTimeout());
        assertEquals("Authorization", ollama.apiKeyHeader());
    }
}
