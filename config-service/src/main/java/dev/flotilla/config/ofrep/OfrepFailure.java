package dev.flotilla.config.ofrep;

import dev.flotilla.config.targeting.ErrorCode;
import dev.flotilla.config.targeting.Evaluation;

import java.util.Map;

/**
 * An evaluation request OFREP answers with an error: its status (400, or 404 for an unknown flag), the
 * flag's key (none for a bulk request), OpenFeature's error code and the details. {@link OfrepFailures}
 * writes it.
 */
public final class OfrepFailure extends RuntimeException {

    private final int status;
    private final String key;
    private final ErrorCode errorCode;
    private final Map<String, Object> metadata;

    public OfrepFailure(int status, String key, ErrorCode errorCode, String details, Map<String, Object> metadata) {
        super(details, null, false, false);
        this.status = status;
        this.key = key;
        this.errorCode = errorCode;
        this.metadata = metadata;
    }

    static OfrepFailure badRequest(String key, ErrorCode errorCode, String details) {
        return new OfrepFailure(400, key, errorCode, details, Map.of());
    }

    /** The failure of a single flag's evaluation: 404 for an unknown flag, else 400. */
    static OfrepFailure of(Evaluation evaluation) {
        int status = evaluation.errorCode() == ErrorCode.FLAG_NOT_FOUND ? 404 : 400;
        return new OfrepFailure(status, evaluation.key(), evaluation.errorCode(), evaluation.errorDetails(),
                evaluation.metadata());
    }

    int status() {
        return status;
    }

    String key() {
        return key;
    }

    ErrorCode errorCode() {
        return errorCode;
    }

    Map<String, Object> metadata() {
        return metadata;
    }
}
