package dev.flotilla.conversation.customization;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

import java.util.ArrayList;
import java.util.List;

/** Checks a customization asked for: one 400 naming every malformed field. */
final class CustomizationRules {

    static final String DEFAULT_NAME = "default";
    static final int MAX_NAME = 100;
    static final int MAX_INSTRUCTIONS = 8_000;

    private CustomizationRules() {
    }

    /** The request with its defaults filled in, once valid. */
    static SaveCustomization checked(SaveCustomization request) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A body with instructions is needed",
                    List.of(new Problem.FieldError("instructions", "is required")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? DEFAULT_NAME : request.name();
        if (name.isBlank() || name.length() > MAX_NAME) {
            errors.add(new Problem.FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        }
        String instructions = request.instructions();
        if (instructions == null || instructions.isBlank() || instructions.length() > MAX_INSTRUCTIONS) {
            errors.add(new Problem.FieldError("instructions", "must be 1 to " + MAX_INSTRUCTIONS + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The prompt customization is not valid", errors);
        }
        return new SaveCustomization(name, instructions, request.enabled() == null || request.enabled());
    }
}
