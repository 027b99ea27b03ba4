package dev.flotilla.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of webhook endpoints, under {@code flotilla.webhooks}. */
@ConfigMapping(prefix = "flotilla.webhooks")
public interface WebhookConfig {

    /**
     * Networks (CIDR, comma-separated; {@code FLOTILLA_WEBHOOKS_ALLOWED_NETWORKS}) that endpoints may point into although
     * they are loopback, private or link-local, e.g. {@code 127.0.0.0/8} for receivers on the same machine. None by
     * default: endpoints must resolve to public addresses.
     */
    Optional<List<String>> allowedNetworks();

    /** How long a rotated-out secret still signs deliveries when the rotation names no overlap. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** Longest overlap a rotation may ask for. */
    @WithDefault("7d")
    Duration maxRotationOverlap();
}
