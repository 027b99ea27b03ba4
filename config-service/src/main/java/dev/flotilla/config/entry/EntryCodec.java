package dev.flotilla.config.entry;

import dev.flotilla.config.secret.Secrets;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Turns an entry's content into its stored state and back: secrets sealed for the one place they belong to. */
@ApplicationScoped
public class EntryCodec {

    private final Secrets secrets;

    public EntryCodec(Secrets secrets) {
        this.secrets = secrets;
    }

    public StoredState store(UUID tenant, UUID namespace, String key, String env, EntryContent content) {
        if (!content.secret()) {
            return new StoredState(content.type(), content.value(), null, content.schema(), content.description());
        }
        return new StoredState(content.type(), null,
                secrets.seal(EntryJson.write(content.value()), tenant, namespace, key, env), content.schema(),
                content.description());
    }

    /** The content in plain: only for readers allowed to see secrets, and to compare states. */
    public EntryContent open(UUID tenant, UUID namespace, String key, String env, StoredState state) {
        if (state == null) {
            return null;
        }
        if (!state.secret()) {
            return new EntryContent(state.type(), state.value(), false, state.schema(), state.description());
        }
        return new EntryContent(state.type(), EntryJson.read(secrets.open(state.sealed(), tenant, namespace, key, env)), true,
                state.schema(), state.description());
    }

    /** {@code state} as a reader sees it: masked when it is a secret the reader may not see; null for no entry. */
    public StateView view(boolean reveal, UUID tenant, UUID namespace, String key, String env, StoredState state) {
        if (state == null) {
            return null;
        }
        if (state.secret() && !reveal) {
            return StateView.masked(state);
        }
        return StateView.revealed(open(tenant, namespace, key, env, state));
    }
}
