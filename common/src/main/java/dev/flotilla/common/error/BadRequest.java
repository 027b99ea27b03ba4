package dev.flotilla.common.error;

import java.util.List;

/** Input that cannot be understood, reported against the field or parameter that carried it. */
public final class BadRequest extends ProblemException {
    public BadRequest(String field, String message) {
        super(ProblemType.VALIDATION_FAILED, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }
}
