package dev.flotilla.health.registry;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code PATCH /api/v1/targets/{id}}: fields present replace the target's, absent (or null) ones stay; an
 * empty {@code group} or {@code body} removes it. The result is checked as a new target is.
 */
public record UpdateTarget(String name, String group, String kind, String url, String method, Map<String, String> headers,
        String body, String interval, String timeout, List<String> conditions, List<String> dependsOn, Boolean enabled) {

    /** The target {@code current} with this change applied, as a create would give it. */
    CreateTarget applyTo(TargetSpec current) {
        return new CreateTarget(or(name, current.name()), or(group, current.group()), or(kind, current.kind().text()),
                or(url, current.url()), or(method, current.method()), or(headers, current.headers()), or(body, current.body()),
                or(interval, current.interval().toString()), or(timeout, current.timeout().toString()),
                or(conditions, current.conditions()), or(dependsOn, current.dependsOn()), or(enabled, current.enabled()));
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
