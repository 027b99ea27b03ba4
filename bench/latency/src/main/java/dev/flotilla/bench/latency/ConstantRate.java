package dev.flotilla.bench.latency;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalBenchmarkData;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.parser.BenchmarkParser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a Hyperfoil benchmark (YAML) in this JVM and prints one line per measured phase and
 * metric: {@code <phase> <metric> <requests> <requests/s> <p50> <p90> <p99> <p99.9> <max> <errors>
 * <blocked>}, latencies in milliseconds; {@code blocked} is how long (ms, summed) requests that
 * were due waited for a free connection, which a report should show when it is not zero.
 *
 * <p>Hyperfoil is an open-model load driver: in a {@code constantRate} phase a new request
 * starts on schedule whether or not the previous ones have returned, and each latency is
 * counted from when the request was due. So a stall in the service shows up in the latency of
 * every request due during it, not only the one that was in flight (the "coordinated omission"
 * that a closed-loop driver such as wrk hides); these percentiles are the ones a client sending
 * at that rate would see.
 *
 * <p>Arguments: the benchmark file, then {@code NAME=value} template parameters, which the
 * file reads as {@code !param NAME}. Files the benchmark names are resolved against its folder.
 * Warm-up phases ({@code isWarmup: true}) are run and not reported.
 */
public final class ConstantRate {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private ConstantRate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ConstantRate <benchmark.hf.yaml> [NAME=value ...]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("not NAME=value: " + args[i]);
            }
            params.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Benchmark benchmark = BenchmarkParser.instance()
                .buildBenchmark(Files.newInputStream(file), new LocalBenchmarkData(file), params);

        Map<String, StatisticsSnapshot> totals = new TreeMap<>();
        LocalSimulationRunner runner = new LocalSimulationRunner(benchmark,
                (phase, stepId, metric, snapshot, countDown) -> {
                    if (!phase.isWarmup) {
                        synchronized (totals) {
                            totals.computeIfAbsent(phase.name() + " " + metric,
                                    key -> new StatisticsSnapshot()).add(snapshot);
                        }
                    }
                },
                (phase, minSessions, maxSessions) -> { },
                (authority, tag, min, max) -> { });
        runner.run();
        report(totals, System.out);
    }

    private static void report(Map<String, StatisticsSnapshot> totals, PrintStream out) {
        totals.forEach((phaseAndMetric, stats) -> {
            var histogram = stats.histogram;
            double seconds = (histogram.getEndTimeStamp() - histogram.getStartTimeStamp()) / 1000d;
            StringBuilder line = new StringBuilder(phaseAndMetric)
                    .append(' ').append(histogram.getTotalCount())
                    .append(' ').append(String.format("%.0f", histogram.getTotalCount() / seconds));
            for (double percentile : PERCENTILES) {
                line.append(' ').append(millis(histogram.getValueAtPercentile(percentile)));
            }
            line.append(' ').append(millis(histogram.getMaxValue()))
                    .append(' ').append(stats.errors() + stats.invalid)
                    .append(' ').append(stats.blockedTime / 1_000_000);
            out.println(line);
        });
    }

    private static String millis(long nanos) {
        return String.format("%.2f", nanos / 1_000_000d);
    }
}
