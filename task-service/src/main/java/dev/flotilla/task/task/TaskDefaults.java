package dev.flotilla.task.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.task.config.TaskConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * Turns what a client asked for into a complete {@link TaskSpec}: the configured defaults fill the
 * gaps, and the checks Bean Validation cannot express (durations, back-off bounds) answer 400s
 * naming the field. Used by tasks, workflows and schedules alike.
 */
@ApplicationScoped
public class TaskDefaults {

    private static final Duration MAX_TIMEOUT = Duration.ofDays(7);
    private static final Duration MAX_BACKOFF = Duration.ofDays(1);

    private final TaskConfig config;

    public TaskDefaults(TaskConfig config) {
        this.config = config;
    }

    /** {@code field} prefixes the names in errors, e.g. {@code tasks[2].} for a workflow's tasks. */
    public TaskSpec resolve(String field, String type, JsonNode payload, Integer priority, List<String> capabilities,
            Duration timeout, Integer maxAttempts, Backoff backoff) {
        TaskConfig.Defaults defaults = config.defaults();
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            throw new BadRequest(field + "timeout", "must be a positive duration of at most 7 days");
        }
        Duration initial = backoff == null || backoff.initial() == null ? defaults.backoffInitial() : backoff.initial();
        Duration max = backoff == null || backoff.max() == null ? max(defaults.backoffMax(), initial) : backoff.max();
        double multiplier = backoff == null || backoff.multiplier() == null ? defaults.backoffMultiplier()
                : backoff.multiplier();
        if (initial.isNegative() || initial.compareTo(MAX_BACKOFF) > 0) {
            throw new BadRequest(field + "backoff.initial", "must be between zero and one day");
        }
        if (max.compareTo(initial) < 0 || max.compareTo(MAX_BACKOFF) > 0) {
            throw new BadRequest(field + "backoff.max", "must be at least backoff.initial and at most one day");
        }
        return new TaskSpec(type.strip(), payload, priority == null ? defaults.priority() : priority,
                capabilities == null ? List.of() : capabilities.stream().map(String::strip).distinct().toList(),
                timeout, maxAttempts == null ? defaults.maxAttempts() : maxAttempts, initial, max, multiplier);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
