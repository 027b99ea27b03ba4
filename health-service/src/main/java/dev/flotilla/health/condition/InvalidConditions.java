package dev.flotilla.health.condition;

import java.util.List;
import java.util.stream.Collectors;

/** Conditions that cannot be parsed, each named by its position in the list, its text and why. */
public final class InvalidConditions extends RuntimeException {

    /**
     * One condition that cannot be parsed.
     *
     * @param index its position in the list given to {@link Conditions#parse}, from 0
     * @param condition its text as given (empty for a missing one)
     * @param reason why it is refused, for a person to read
     */
    public record Problem(int index, String condition, String reason) {
    }

    private final List<Problem> problems;

    InvalidConditions(List<Problem> problems) {
        // The client's mistake, not a fault: no stack trace to fill or log.
        super(describe(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Every condition refused, in the order given. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return problems.stream()
                .map(p -> "conditions[" + p.index() + "] '" + p.condition() + "': " + p.reason())
                .collect(Collectors.joining("; ", "invalid conditions: ", ""));
    }
}
