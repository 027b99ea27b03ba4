package dev.flotilla.config.change;

import dev.flotilla.config.entry.StateView;
import dev.flotilla.config.targeting.FlagSpec;

/**
 * One change of a request in an answer: {@code action} {@code put} or {@code delete}; of an entry its content (a secret
 * masked unless the reader may see secrets), of a flag its definition; {@code ifMatch}: the {@code ETag} it must still
 * have when applied (null: it must still be absent).
 */
public record ProposedChangeView(String key, String env, String action, StateView entry, FlagSpec definition,
        String ifMatch) {
}
