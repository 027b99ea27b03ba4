package dev.flotilla.common.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) over the maps Jackson reads JSON objects into: members of the patch replace the
 * target's, {@code null} members remove them, nested objects merge recursively, and anything that is not an object
 * (arrays included) replaces the target as a whole.
 */
public final class MergePatch {

    private MergePatch() {
    }

    @SuppressWarnings("unchecked")
    public static Object apply(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> patchMembers)) {
            return patch;
        }
        Map<String, Object> result = target instanceof Map<?, ?> targetMembers
                ? new LinkedHashMap<>((Map<String, Object>) targetMembers)
                : new LinkedHashMap<>();
        patchMembers.forEach((name, value) -> {
            if (value == null) {
                result.remove((String) name);
            } else {
                result.put((String) name, apply(result.get(name), value));
            }
        });
        return result;
    }
}
