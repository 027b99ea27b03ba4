package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a user's own settings and the tenant's defaults combine. A user's own value of a key replaces
 * the tenant's default of that key whole (values are not merged across the two), so what a user set
 * stays exactly as they set it when the default changes.
 */
final class EffectiveSettings {

    private EffectiveSettings() {
    }

    /** What a user gets for one key, or null when nothing applies; {@code only} (when not null) shows one source alone. */
    static Resolved one(Stored own, Stored tenant, Source only) {
        if (own != null && only != Source.TENANT) {
            return Resolved.of(own, Source.USER);
        }
        if (tenant != null && only != Source.USER) {
            return Resolved.of(tenant, Source.TENANT);
        }
        return null;
    }

    /** What a user gets for every key of a category, in key order. */
    static SortedMap<String, Resolved> category(Map<String, Stored> own, Map<String, Stored> tenant, Source only) {
        Set<String> keys = new HashSet<>(own.keySet());
        keys.addAll(tenant.keySet());
        SortedMap<String, Resolved> resolved = new TreeMap<>();
        for (String key : keys) {
            Resolved one = one(own.get(key), tenant.get(key), only);
            if (one != null) {
                resolved.put(key, one);
            }
        }
        return resolved;
    }

    /**
     * What a merge patch of a category's effective values changes in the user's own settings: a member
     * that is null removes the user's own value of its key (the tenant's default, if any, applies
     * again); any other member is merged into the key's effective value (the user's own, else the
     * tenant's default) and becomes the user's own value. Keys the patch does not name are untouched.
     */
    static Changes patch(JsonNode patch, Map<String, Stored> own, Map<String, Stored> tenant) {
        Map<String, JsonNode> upserts = new LinkedHashMap<>();
        Set<String> removals = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            String key = member.getKey();
            if (member.getValue().isNull()) {
                removals.add(key);
            } else {
                Resolved current = one(own.get(key), tenant.get(key), null);
                upserts.put(key, MergePatch.apply(current == null ? null : current.value(), member.getValue()));
            }
        }
        return new Changes(upserts, removals);
    }

    /** The user's own values to write, and the keys whose own value goes. */
    record Changes(Map<String, JsonNode> upserts, Set<String> removals) {

        /** How many own keys the category holds once applied to {@code ownKeys}. */
        int ownKeysAfter(Set<String> ownKeys) {
            Set<String> after = new HashSet<>(ownKeys);
            after.removeAll(removals);
            after.addAll(upserts.keySet());
            return after.size();
        }
    }
}
