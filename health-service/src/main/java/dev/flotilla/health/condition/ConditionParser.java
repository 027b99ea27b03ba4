package dev.flotilla.health.condition;

import dev.flotilla.health.condition.Operand.AnyOf;
import dev.flotilla.health.condition.Operand.Kind;
import dev.flotilla.health.condition.Operand.Length;
import dev.flotilla.health.condition.Operand.Literal;
import dev.flotilla.health.condition.Operand.Placeholder;
import dev.flotilla.health.condition.Operand.Presence;
import dev.flotilla.health.condition.Operand.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one condition of Gatus's syntax: {@code <side> <operator> <side>}, the operator with whitespace on
 * each side. Where Gatus would quietly compare a typo as text ({@code [STAUTS] == 200}, {@code 1d}), this
 * refuses the condition and says why, so a target never carries a condition that cannot pass.
 */
final class ConditionParser {

    static final int MAX_LENGTH = 500;

    private static final Pattern FUNCTION = Pattern.compile("([A-Za-z_]\\w*)\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern UNCLOSED_FUNCTION = Pattern.compile("([A-Za-z_]\\w*)\\(.*", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Za-z_]+)](.*)", Pattern.DOTALL);
    private static final Pattern OPERATOR_WITHOUT_SPACES = Pattern.compile("==|!=|<|>");
    private static final Set<String> UNSUPPORTED = Set.of("IP", "DNS_RCODE", "DOMAIN_EXPIRATION", "CONTEXT");
    private static final String PLACEHOLDERS = "[STATUS], [RESPONSE_TIME], [BODY], [CONNECTED] or "
            + "[CERTIFICATE_EXPIRATION]";

    private ConditionParser() {
    }

    /** Why a condition is refused; its message is the reason shown to the client. */
    static final class Rejected extends Exception {

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    static Condition parse(String text) throws Rejected {
        if (text == null || text.isBlank()) {
            throw new Rejected("the condition is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new Rejected("the condition is longer than " + MAX_LENGTH + " characters");
        }
        for (Operator operator : Operator.values()) {
            Matcher found = operator.token().matcher(text);
            if (found.find()) {
                String left = text.substring(0, found.start()).strip();
                String right = text.substring(found.end()).strip();
                if (found.find()) {
                    throw new Rejected("the condition has " + operator.symbol() + " more than once");
                }
                return condition(operator, left, right);
            }
        }
        if (OPERATOR_WITHOUT_SPACES.matcher(text).find()) {
            throw new Rejected("the operator needs a space on each side, e.g. [STATUS] == 200");
        }
        throw new Rejected("the condition has no operator: write a placeholder, one of ==, !=, <, <=, >, >= "
                + "and a value, e.g. [STATUS] == 200");
    }

    private static Condition condition(Operator operator, String leftText, String rightText)
            throws Rejected {
        if (leftText.isEmpty() || rightText.isEmpty()) {
            throw new Rejected("nothing on the " + (leftText.isEmpty() ? "left" : "right") + " of "
                    + operator.symbol());
        }
        Operand left = operand(leftText);
        Operand right = operand(rightText);
        if (!(isObserved(left) || isObserved(right))) {
            throw new Rejected("neither side is a placeholder such as [STATUS] or [BODY].status "
                    + "(placeholders are written in square brackets)");
        }
        if (operator.ordering()) {
            orderable(left, operator);
            orderable(right, operator);
        } else {
            booleanComparedWithBoolean(left, right);
            booleanComparedWithBoolean(right, left);
        }
        return new Condition(left, operator, right);
    }

    private static boolean isObserved(Operand operand) {
        return operand instanceof Term term && term.observed();
    }

    private static void orderable(Operand operand, Operator operator) throws Rejected {
        if (operand instanceof Operand.Matcher) {
            throw new Rejected(functionName(operand) + "() works only with == and !=");
        }
        if (operand instanceof Term term && term.isBoolean()) {
            throw new Rejected(operand.text() + " is true or false: compare it with == or !=, not "
                    + operator.symbol());
        }
        if (operand instanceof Literal literal && literal.value().magnitude() == null) {
            if (Durations.hasSomeUnit(literal.text())) {
                throw new Rejected(literal.text() + " is not a duration: the units are h, m, s, ms, us and ns "
                        + "(a day is 24h)");
            }
            throw new Rejected(operator.symbol() + " compares numbers and durations; " + literal.text()
                    + " is neither");
        }
    }

    private static void booleanComparedWithBoolean(Operand bool, Operand other) throws Rejected {
        if (bool instanceof Term term && term.isBoolean() && other instanceof Literal literal
                && !literal.text().equals("true") && !literal.text().equals("false")) {
            throw new Rejected(bool.text() + " is true or false, never " + literal.text());
        }
    }

    private static String functionName(Operand operand) {
        return operand instanceof Operand.Pattern ? "pat" : "any";
    }

    private static Operand operand(String text) throws Rejected {
        Matcher function = FUNCTION.matcher(text);
        if (function.matches()) {
            return function(text, function.group(1), function.group(2).strip());
        }
        Matcher unclosed = UNCLOSED_FUNCTION.matcher(text);
        if (unclosed.matches()) {
            throw new Rejected(unclosed.group(1) + "( is not closed: " + text);
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        if (placeholder.matches()) {
            return placeholder(text, placeholder.group(1), placeholder.group(2));
        }
        return new Literal(text);
    }

    private static Operand function(String text, String name, String argument) throws Rejected {
        switch (name) {
            case "len":
                return new Length(text, bodyArgument(name, argument));
            case "has":
                return new Presence(text, bodyArgument(name, argument));
            case "pat":
                return new Operand.Pattern(text, new Glob(constant(name, argument)));
            case "any":
                return new AnyOf(text, options(argument));
            default:
                throw new Rejected("unknown function " + name + "(): the functions are len, has, pat and any");
        }
    }

    private static Placeholder bodyArgument(String function, String argument) throws Rejected {
        Matcher placeholder = PLACEHOLDER.matcher(argument);
        if (placeholder.matches() && placeholder.group(1).toUpperCase(Locale.ROOT).equals(Kind.BODY.name())) {
            return (Placeholder) placeholder(argument, placeholder.group(1), placeholder.group(2));
        }
        throw new Rejected(function + "() takes [BODY] or a path into it, e.g. " + function + "([BODY].items), not "
                + (argument.isEmpty() ? "nothing" : argument));
    }

    private static String constant(String function, String argument) throws Rejected {
        if (argument.isEmpty()) {
            throw new Rejected(function + "() needs a value");
        }
        if (PLACEHOLDER.matcher(argument).matches() || FUNCTION.matcher(argument).matches()) {
            throw new Rejected(function + "() takes constant values, not " + argument);
        }
        return argument;
    }

    private static List<Value> options(String argument) throws Rejected {
        List<Value> options = new ArrayList<>();
        for (String option : argument.split(",", -1)) {
            options.add(Value.of(constant("any", option.strip())));
        }
        return List.copyOf(options);
    }

    private static Operand placeholder(String text, String name, String rest) throws Rejected {
        String upper = name.toUpperCase(Locale.ROOT);
        Kind kind = kind(upper);
        if (kind == null) {
            if (UNSUPPORTED.contains(upper)) {
                throw new Rejected("[" + upper + "] is a Gatus placeholder health-service does not support; use "
                        + PLACEHOLDERS);
            }
            throw new Rejected("unknown placeholder [" + name + "]: use " + PLACEHOLDERS);
        }
        if (kind == Kind.BODY) {
            return new Placeholder(text, kind, rest.isEmpty() ? null : BodyPath.parse(rest));
        }
        if (!rest.isEmpty()) {
            throw new Rejected("[" + upper + "] takes no path (only [BODY] does), not " + rest);
        }
        return new Placeholder(text, kind, null);
    }

    private static Kind kind(String name) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
