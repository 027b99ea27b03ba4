package dev.flotilla.health.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A target as stored: its definition, where it came from, and its version (the ETag). Targets of {@link #PLATFORM}
 * are the suite's own services, checked once and read by every tenant.
 */
public record Target(UUID tenant, UUID id, TargetSpec spec, TargetSource source, Instant createdAt, Instant updatedAt,
        int version) {

    /** The tenant the suite's own services belong to: none, the nil UUID. */
    public static final UUID PLATFORM = new UUID(0, 0);

    public String name() {
        return spec.name();
    }

    public String group() {
        return spec.group();
    }

    public TargetKind kind() {
        return spec.kind();
    }

    public String url() {
        return spec.url();
    }

    public String method() {
        return spec.method();
    }

    public Map<String, String> headers() {
        return spec.headers();
    }

    public String body() {
        return spec.body();
    }

    public Duration interval() {
        return spec.interval();
    }

    public Duration timeout() {
        return spec.timeout();
    }

    public List<String> conditions() {
        return spec.conditions();
    }

    public List<String> dependsOn() {
        return spec.dependsOn();
    }

    public boolean enabled() {
        return spec.enabled();
    }

    public boolean platform() {
        return PLATFORM.equals(tenant);
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
