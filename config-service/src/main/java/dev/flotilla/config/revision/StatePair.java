package dev.flotilla.config.revision;

import dev.flotilla.config.entry.StoredState;

/** An entry's stored state at two revisions (null: absent at that revision). */
record StatePair(String key, String env, StoredState from, StoredState to) {
}
