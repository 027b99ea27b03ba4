package dev.flotilla.health.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a SmallRye Health answer ({@code {"status": "DOWN", "checks": [{"name": "database", "status": "DOWN"}]}}) for
 * why a probe failed: each check that is not UP as {@code "<probe>: <name> DOWN"}, so a failing service names its
 * cause.
 */
final class HealthJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthJson() {
    }

    /** Why the probe {@code probe} (e.g. {@code readiness}) answering {@code status} and {@code body} failed; empty: UP. */
    static List<String> causes(String probe, Integer status, String body) {
        List<String> causes = new ArrayList<>();
        JsonNode checks = checks(body);
        if (checks != null) {
            for (JsonNode check : checks) {
                String state = check.path("status").asText("");
                if (!"UP".equals(state)) {
                    causes.add(probe + ": " + check.path("name").asText("unnamed check") + " "
                            + (state.isEmpty() ? "without a status" : state));
                }
            }
        }
        if (causes.isEmpty() && (status == null || status != 200)) {
            causes.add(probe + ": answered " + status + (checks == null ? " without SmallRye Health JSON" : ""));
        }
        return causes;
    }

    private static JsonNode checks(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode checks = JSON.readTree(body).path("checks");
            return checks.isArray() ? checks : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
