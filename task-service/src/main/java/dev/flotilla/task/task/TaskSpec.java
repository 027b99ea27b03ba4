package dev.flotilla.task.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

/**
 * A task to create, resolved against the configured defaults: what the API, workflows and
 * schedules all hand to {@link TaskRepository#insert}.
 */
public record TaskSpec(
        String type,
        JsonNode payload,
        int priority,
        List<String> requiredCapabilities,
        Duration timeout,
        int maxAttempts,
        Duration backoffInitial,
        Duration backoffMax,
        double backoffMultiplier) {
}
