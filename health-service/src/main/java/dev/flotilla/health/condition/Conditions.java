package dev.flotilla.health.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed list of conditions in Gatus's syntax ({@code [STATUS] == 200}, {@code len([BODY].items) > 0}):
 * parsed once when a target is written, evaluated against every observation of it. Immutable and
 * thread-safe.
 */
public final class Conditions {

    private final List<String> texts;
    private final List<Condition> conditions;

    private Conditions(List<String> texts, List<Condition> conditions) {
        this.texts = texts;
        this.conditions = conditions;
    }

    /**
     * Parses every text; throws InvalidConditions naming each bad one (its index, text and why). A null list
     * is no conditions.
     */
    public static Conditions parse(List<String> texts) {
        List<String> given = texts == null ? List.of() : new ArrayList<>(texts);
        List<Condition> parsed = new ArrayList<>(given.size());
        List<InvalidConditions.Problem> problems = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String text = given.get(i);
            try {
                parsed.add(ConditionParser.parse(text));
            } catch (ConditionParser.Rejected rejected) {
                problems.add(new InvalidConditions.Problem(i, text == null ? "" : text, rejected.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConditions(problems);
        }
        return new Conditions(List.copyOf(given), List.copyOf(parsed));
    }

    /** The conditions as given. */
    public List<String> texts() {
        return texts;
    }

    /**
     * The conditions not met by the observation, each as a short reason, e.g. "[STATUS] (503) == 200". Empty:
     * healthy.
     */
    public List<String> failing(Observation observation) {
        Objects.requireNonNull(observation, "observation");
        Evaluation evaluation = new Evaluation(observation);
        List<String> failing = new ArrayList<>();
        for (Condition condition : conditions) {
            String reason = condition.failure(evaluation);
            if (reason != null) {
                failing.add(reason);
            }
        }
        return failing;
    }
}
