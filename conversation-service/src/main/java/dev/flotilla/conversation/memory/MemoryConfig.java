package dev.flotilla.conversation.memory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Summarising memory, under {@code flotilla.conversation.memory}. */
@ConfigMapping(prefix = "flotilla.conversation.memory")
public interface MemoryConfig {

    /** Whether turns whose history outgrows the context request a summary, and the job writes them. */
    @WithDefault("true")
    boolean enabled();

    /** How often each replica looks for summaries to write: a duration, or {@code off} for never. */
    @WithDefault("2s")
    String interval();

    /** How many conversations one run of the job claims at most. */
    @WithDefault("10")
    int batch();

    /** How long a claimed conversation is left to the replica that claimed it before another may take it. */
    @WithDefault("2m")
    Duration lease();

    /** How many failed attempts to write a summary are made before the request is given up. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("10s")
    Duration retryDelay();

    /** The longest summary the model is asked for; the context keeps this much room for it. */
    @WithDefault("1000")
    int summaryMaxTokens();
}
