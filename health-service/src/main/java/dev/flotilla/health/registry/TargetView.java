package dev.flotilla.health.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A target as the API shows it; durations in ISO-8601 ({@code PT30S}). */
public record TargetView(UUID id, String name, String group, String kind, String url, String method,
        Map<String, String> headers, String body, String interval, String timeout, List<String> conditions,
        List<String> dependsOn, boolean enabled, String source, boolean platform, Instant createdAt, Instant updatedAt,
        int version) {

    static TargetView of(Target target) {
        TargetSpec spec = target.spec();
        return new TargetView(target.id(), spec.name(), spec.group(), spec.kind().text(), spec.url(), spec.method(),
                spec.headers(), spec.body(), spec.interval().toString(), spec.timeout().toString(), spec.conditions(),
                spec.dependsOn(), spec.enabled(), target.source().text(), target.platform(), target.createdAt(),
                target.updatedAt(), target.version());
    }
}
