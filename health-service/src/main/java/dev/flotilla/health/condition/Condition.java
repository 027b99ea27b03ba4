package dev.flotilla.health.condition;

import dev.flotilla.health.condition.Operand.Matcher;
import dev.flotilla.health.condition.Operand.Term;

import java.math.BigDecimal;

/**
 * One parsed condition. A failure reads like Gatus's: each side as written, with what it resolved to in
 * parentheses ({@code [BODY].status (DOWN) == UP}). Values shown are cut short, so a reason is never much
 * longer than its condition.
 */
record Condition(Operand left, Operator operator, Operand right) {

    static final int MAX_SHOWN = 60;

    /** Null when the observation meets the condition, else why not. */
    String failure(Evaluation evaluation) {
        Value leftValue = left instanceof Term term ? term.resolve(evaluation) : null;
        Value rightValue = right instanceof Term term ? term.resolve(evaluation) : null;
        if (met(leftValue, rightValue)) {
            return null;
        }
        return show(left, leftValue) + " " + operator.symbol() + " " + show(right, rightValue);
    }

    private boolean met(Value leftValue, Value rightValue) {
        if (absent(leftValue) || absent(rightValue)) {
            return false;
        }
        if (operator.ordering()) {
            BigDecimal a = leftValue.magnitude();
            BigDecimal b = rightValue.magnitude();
            return a != null && b != null && operator.holds(a.compareTo(b));
        }
        boolean equal;
        if (left instanceof Matcher matcher) {
            equal = matcher.matches(rightValue);
        } else if (right instanceof Matcher matcher) {
            equal = matcher.matches(leftValue);
        } else {
            equal = leftValue.sameAs(rightValue);
        }
        return operator.holds(equal ? 0 : 1);
    }

    private static boolean absent(Value value) {
        return value != null && value.isAbsent();
    }

    private String show(Operand operand, Value value) {
        if (!(operand instanceof Term term) || !term.observed()) {
            return operand.text();
        }
        if (value.isAbsent()) {
            return operand.text() + " (" + value.absence() + ")";
        }
        String shown = shorten(value.text());
        if (operator.ordering() && value.magnitude() == null) {
            shown += ", not a number";
        }
        return operand.text() + " (" + shown + ")";
    }

    /** One line, at most {@link #MAX_SHOWN} characters and a mark that the rest was cut. */
    private static String shorten(String text) {
        // Only the start is looked at: a large body is not rewritten whole.
        String start = text.length() > MAX_SHOWN * 4 ? text.substring(0, MAX_SHOWN * 4) : text;
        String line = start.replaceAll("\\s+", " ");
        if (line.length() <= MAX_SHOWN && start.length() == text.length()) {
            return line;
        }
        int end = Math.min(line.length(), MAX_SHOWN);
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "...(truncated)";
    }
}
