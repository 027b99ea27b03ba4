package dev.flotilla.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Arrays;

/**
 * Publishes {@code http_server_requests_seconds} as a histogram with a few fixed buckets, so that
 * Prometheus can compute p50/p99 latency per service and route (the dashboards and the latency
 * alert in {@code k8s/monitoring} rely on it). Fixed buckets keep the series count small.
 */
public class HttpServerHistograms {

    private static final double[] BUCKETS_SECONDS = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                // Timer boundaries are in the base unit of the distribution: nanoseconds.
                double[] nanos = Arrays.stream(BUCKETS_SECONDS).map(seconds -> seconds * 1e9).toArray();
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
