package dev.flotilla.health.check;

import dev.flotilla.health.registry.Target;
import dev.flotilla.health.result.Result;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The checker's metrics: {@code flotilla_health_target_up{target,group,tenant}} (1 up, 0 down) for each target this
 * replica checked within its last three intervals (a replica that no longer checks a target stops reporting it, so
 * replicas that share targets report each at most briefly twice: aggregate with {@code max by (target, group)}), and
 * {@code flotilla_health_check_duration_seconds{kind,status}}, a histogram of how long checks took, and
 * {@code flotilla_health_check_lag_seconds}, a histogram of how late after coming due checks started.
 */
@ApplicationScoped
public class CheckMetrics {

    private static final String PLATFORM = "platform";
    private static final int INTERVALS_KEPT = 3;

    private final MeterRegistry registry;
    private final Map<UUID, Up> gauges = new ConcurrentHashMap<>();

    public CheckMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A target's state, as its gauge reads it. */
    private static final class Up {
        volatile Meter.Id id;
        volatile double value;
        volatile Instant until;
    }

    /** A check of a target due at {@code dueAt} starts at {@code now}: how late the schedule runs. */
    void started(Instant dueAt, Instant now) {
        Timer.builder("flotilla.health.check.lag")
                .description("How long after a target came due its check started")
                .publishPercentileHistogram()
                .register(registry)
                .record(Math.max(0, Duration.between(dueAt, now).toNanos()), TimeUnit.NANOSECONDS);
    }

    void recorded(Target target, Result result, Duration took, Instant now) {
        Timer.builder("flotilla.health.check.duration")
                .description("How long each check took, by the target's kind and the result")
                .tags("kind", target.kind().text(), "status", result.status().name())
                .publishPercentileHistogram()
                .register(registry)
                .record(took.toNanos(), TimeUnit.NANOSECONDS);
        Tags tags = Tags.of("target", target.name(), "group", target.group() == null ? "" : target.group(), "tenant",
                Target.PLATFORM.equals(target.tenant()) ? PLATFORM : target.tenant().toString());
        Up up = gauges.compute(target.id(), (id, known) -> {
            if (known != null && Tags.of(known.id.getTags()).equals(tags)) {
                return known;
            }
            if (known != null) {
                registry.remove(known.id);
            }
            Up fresh = new Up();
            fresh.id = Gauge.builder("flotilla.health.target.up", fresh, state -> state.value)
                    .description("Whether the target passed its last check (1) or failed it (0)")
                    .tags(tags)
                    .strongReference(true)
                    .register(registry)
                    .getId();
            return fresh;
        });
        up.value = result.status() == Result.Status.UP ? 1 : 0;
        up.until = now.plus(target.interval().multipliedBy(INTERVALS_KEPT));
    }

    /** Stops reporting targets not checked here lately; answers their ids. */
    List<UUID> sweep(Instant now) {
        List<UUID> gone = new ArrayList<>();
        for (Iterator<Map.Entry<UUID, Up>> it = gauges.entrySet().iterator(); it.hasNext();) {
            Map.Entry<UUID, Up> entry = it.next();
            Instant until = entry.getValue().until;
            if (until != null && until.isBefore(now)) {
                registry.remove(entry.getValue().id);
                it.remove();
                gone.add(entry.getKey());
            }
        }
        return gone;
    }
}
