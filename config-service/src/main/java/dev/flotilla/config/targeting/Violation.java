package dev.flotilla.config.targeting;

/** What is wrong with a definition: the field (a JSON path into it) and why. */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
