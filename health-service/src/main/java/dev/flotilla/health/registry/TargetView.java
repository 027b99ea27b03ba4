package dev.flotilla.health.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A target as the API shows it; durations in ISO-8601 ({@code PT30S}). {@code heartbeatToken} is present only in the
 * answers that made a push target or rotated its token, the one time it is shown.
 */
public record TargetView(UUID id, String name, String group, String kind, String url, String method,
        Map<String, String> headers, String body, String interval, String timeout, List<String> conditions,
        List<String> dependsOn, boolean enabled, String source, boolean platform, Instant createdAt, Instant updatedAt,
        int version, @JsonInclude(JsonInclude.Include.NON_NULL) String heartbeatToken) {

    static TargetView of(Target target) {
        return of(target, null);
    }

    static TargetView of(Target target, String heartbeatToken) {
        TargetSpec spec = target.spec();
        return new TargetView(target.id(), spec.name(), spec.group(), spec.kind().text(), spec.url(), spec.method(),
                spec.headers(), spec.body(), spec.interval().toString(), spec.timeout().toString(), spec.conditions(),
                spec.dependsOn(), spec.enabled(), target.source().text(), target.platform(), target.createdAt(),
                target.updatedAt(), target.version(), heartbeatToken);
    }
}
