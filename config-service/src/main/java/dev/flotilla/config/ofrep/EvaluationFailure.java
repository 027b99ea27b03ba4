package dev.flotilla.config.ofrep;

import dev.flotilla.config.targeting.Evaluation;

import java.util.Map;

/** A flag of a bulk evaluation that failed: its key, error code, details and the flag's metadata. */
public record EvaluationFailure(String key, String errorCode, String errorDetails, Map<String, Object> metadata) {

    static EvaluationFailure of(Evaluation evaluation) {
        return new EvaluationFailure(evaluation.key(), evaluation.errorCode().name(), evaluation.errorDetails(),
                evaluation.metadata());
    }
}
