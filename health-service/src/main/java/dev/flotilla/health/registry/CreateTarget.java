package dev.flotilla.health.registry;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/targets}, and of each entry of the targets file. Only {@code name} and {@code url}
 * are required; {@code kind} and the durations are text, so that every malformed field is named in one answer
 * ({@link TargetRules}).
 */
public record CreateTarget(String name, String group, String kind, String url, String method, Map<String, String> headers,
        String body, String interval, String timeout, List<String> conditions, List<String> dependsOn, Boolean enabled) {
}
