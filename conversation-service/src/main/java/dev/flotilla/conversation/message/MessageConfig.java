package dev.flotilla.conversation.message;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Messages of conversations, under {@code flotilla.conversation.messages}. */
@ConfigMapping(prefix = "flotilla.conversation.messages")
public interface MessageConfig {

    /** The largest content of one message, in UTF-8 bytes ({@code 1M}, {@code 512K}). */
    @WithDefault("1M")
    MemorySize maxContentSize();

    /** The most messages one request may append. */
    @WithDefault("100")
    int maxBatch();
}
