package dev.flotilla.conversation.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long deleted conversations are kept, under {@code flotilla.conversation.retention}. */
@ConfigMapping(prefix = "flotilla.conversation.retention")
public interface RetentionConfig {

    /** How long a deleted conversation can still be restored before it is purged with its messages. */
    @WithDefault("30d")
    Duration deleted();

    /** How often each replica purges the conversations past their retention. */
    @WithDefault("1h")
    Duration purgeInterval();

    /** How many conversations one purge transaction removes at most. */
    @WithDefault("50")
    int purgeBatch();
}
