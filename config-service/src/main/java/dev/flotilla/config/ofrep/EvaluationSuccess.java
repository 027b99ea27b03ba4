package dev.flotilla.config.ofrep;

import dev.flotilla.config.targeting.Evaluation;

import java.util.Map;

/** OFREP's answer for a flag that evaluated: its key, value, reason, variant and the flag's metadata. */
public record EvaluationSuccess(String key, Object value, String reason, String variant, Map<String, Object> metadata) {

    static EvaluationSuccess of(Evaluation evaluation) {
        return new EvaluationSuccess(evaluation.key(), evaluation.value(), evaluation.reason().name(), evaluation.variant(),
                evaluation.metadata());
    }
}
