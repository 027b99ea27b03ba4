package dev.flotilla.config.ofrep;

import java.util.Map;

/**
 * The body of an OFREP evaluation: {@code {"context": {"targetingKey": "...", ...}}}, the OpenFeature
 * evaluation context whose top-level keys rules read as attributes.
 */
public record EvaluationRequest(Map<String, Object> context) {
}
