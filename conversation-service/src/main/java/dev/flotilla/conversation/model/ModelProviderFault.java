package dev.flotilla.conversation.model;

/**
 * The provider failed the call in a way the caller cannot repair: it refused our key, does not
 * know the configured model, or answered what is not the Chat Completions format. A 502 problem
 * naming the provider, with its message.
 */
public class ModelProviderFault extends RuntimeException {

    private final String provider;

    ModelProviderFault(String provider, String detail) {
        super(detail, null, false, false);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
