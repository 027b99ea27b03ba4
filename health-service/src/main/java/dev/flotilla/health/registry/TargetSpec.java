package dev.flotilla.health.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What defines a target, every field checked and defaulted: what is stored, whoever wrote it. */
public record TargetSpec(String name, String group, TargetKind kind, String url, String method, Map<String, String> headers,
        String body, Duration interval, Duration timeout, List<String> conditions, List<String> dependsOn, boolean enabled) {

    public TargetSpec {
        headers = Map.copyOf(headers);
        conditions = List.copyOf(conditions);
        dependsOn = List.copyOf(dependsOn);
    }
}
