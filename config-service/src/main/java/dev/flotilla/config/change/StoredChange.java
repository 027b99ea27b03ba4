package dev.flotilla.config.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.config.targeting.FlagSpec;

/**
 * A change as a request keeps it until it is applied: of an entry, its layer and stored state ({@code state}, a secret's
 * value sealed for that entry alone); of a flag, its definition; or a delete. {@code expected}: the {@code ETag} the entry
 * or flag must still have when the request is applied, null when it must still be absent.
 */
record StoredChange(String key, String env, boolean delete, JsonNode state, FlagSpec definition, String expected) {
}
