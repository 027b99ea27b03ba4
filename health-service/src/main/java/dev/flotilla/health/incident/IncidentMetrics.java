package dev.flotilla.health.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code flotilla_health_incidents_open{tenant_kind}} (the open incidents of the platform and of tenants, as the
 * database holds them, so every replica reports the same: aggregate with {@code max}) and
 * {@code flotilla_health_incidents_opened_total{tenant_kind}} (the incidents this replica opened).
 */
@ApplicationScoped
public class IncidentMetrics {

    private static final String PLATFORM = "platform";
    private static final String TENANT = "tenant";

    private final AtomicLong openPlatform = new AtomicLong();
    private final AtomicLong openTenants = new AtomicLong();
    private final Counter openedPlatform;
    private final Counter openedTenants;

    IncidentMetrics(MeterRegistry registry) {
        Gauge.builder("flotilla.health.incidents.open", openPlatform, AtomicLong::get)
                .description("Open incidents, by the kind of tenant").tag("tenant_kind", PLATFORM).register(registry);
        Gauge.builder("flotilla.health.incidents.open", openTenants, AtomicLong::get)
                .description("Open incidents, by the kind of tenant").tag("tenant_kind", TENANT).register(registry);
        openedPlatform = Counter.builder("flotilla.health.incidents.opened").description("Incidents opened")
                .tag("tenant_kind", PLATFORM).register(registry);
        openedTenants = Counter.builder("flotilla.health.incidents.opened").description("Incidents opened")
                .tag("tenant_kind", TENANT).register(registry);
    }

    void opened(boolean platform) {
        (platform ? openedPlatform : openedTenants).increment();
    }

    void open(Map<Boolean, Long> counts) {
        openPlatform.set(counts.getOrDefault(true, 0L));
        openTenants.set(counts.getOrDefault(false, 0L));
    }
}
