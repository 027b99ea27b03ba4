package dev.flotilla.conversation.context;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a model call is given of a conversation, under {@code flotilla.conversation.context}. */
@ConfigMapping(prefix = "flotilla.conversation.context")
public interface ContextConfig {

    /** The tokens the context may take (system prompt and messages), unless a request names its own budget. */
    @WithDefault("16000")
    int maxTokens();

    /** The most recent messages a context holds: the last 50 exchanges of a user and the model. */
    @WithDefault("100")
    int maxMessages();
}
