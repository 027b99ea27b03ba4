package dev.flotilla.health.condition;

import java.util.regex.Pattern;

/** A comparison between the two sides of a condition; declared in the order Gatus looks for them. */
enum Operator {
    EQUAL("=="),
    NOT_EQUAL("!="),
    AT_MOST("<="),
    AT_LEAST(">="),
    MORE(">"),
    LESS("<");

    private final String symbol;
    // Whitespace (or an end) on both sides, as in Gatus: "a <b> c" holds no operator, "<=" is not "<".
    private final Pattern token;

    Operator(String symbol) {
        this.symbol = symbol;
        this.token = Pattern.compile("(?<!\\S)" + Pattern.quote(symbol) + "(?!\\S)");
    }

    String symbol() {
        return symbol;
    }

    Pattern token() {
        return token;
    }

    /** Whether the operator orders numbers and durations, rather than telling equal values apart. */
    boolean ordering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /** Whether a comparison's outcome ({@link Comparable#compareTo}) satisfies this ordering. */
    boolean holds(int comparison) {
        return switch (this) {
            case AT_MOST -> comparison <= 0;
            case AT_LEAST -> comparison >= 0;
            case MORE -> comparison > 0;
            case LESS -> comparison < 0;
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
        };
    }
}
