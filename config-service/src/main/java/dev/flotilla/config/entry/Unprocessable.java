package dev.flotilla.config.entry;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

import java.util.List;

/** A well-formed request whose content breaks a rule of the entry: a value of another type, one its schema refuses. */
public final class Unprocessable extends ProblemException {

    public Unprocessable(String field, String message) {
        super(ProblemType.UNPROCESSABLE, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }
}
