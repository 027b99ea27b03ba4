package dev.flotilla.common.error;

import java.util.List;

/**
 * An expected failure that becomes a problem response. Services throw (or fail a {@code Uni}
 * with) one of its subclasses; {@link ProblemMappers} turns it into RFC 9457 JSON.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        // No stack trace: these are answers to the client, not faults of the service.
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
