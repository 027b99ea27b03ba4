package dev.flotilla.config.targeting;

import java.util.Arrays;
import java.util.List;

/**
 * The operators of conditions. Every operator but the segment and time ones reads a context attribute;
 * a condition on an attribute the context does not have (or has as {@code null}) never holds, negated or
 * not, so that a rule never targets callers for what is unknown about them.
 */
public enum Operator {
    EQUALS("equals", Operand.VALUE),
    NOT_EQUALS("notEquals", Operand.VALUE),
    IN("in", Operand.VALUES),
    NOT_IN("notIn", Operand.VALUES),
    STARTS_WITH("startsWith", Operand.VALUE),
    ENDS_WITH("endsWith", Operand.VALUE),
    CONTAINS("contains", Operand.VALUE),
    MATCHES("matches", Operand.VALUE),
    LESS_THAN("lessThan", Operand.VALUE),
    LESS_OR_EQUAL("lessOrEqual", Operand.VALUE),
    GREATER_THAN("greaterThan", Operand.VALUE),
    GREATER_OR_EQUAL("greaterOrEqual", Operand.VALUE),
    SEMVER_EQUALS("semverEquals", Operand.VALUE),
    SEMVER_LESS_THAN("semverLessThan", Operand.VALUE),
    SEMVER_LESS_OR_EQUAL("semverLessOrEqual", Operand.VALUE),
    SEMVER_GREATER_THAN("semverGreaterThan", Operand.VALUE),
    SEMVER_GREATER_OR_EQUAL("semverGreaterOrEqual", Operand.VALUE),
    BEFORE("before", Operand.VALUE),
    AFTER("after", Operand.VALUE),
    IN_SEGMENT("inSegment", Operand.VALUES),
    NOT_IN_SEGMENT("notInSegment", Operand.VALUES);

    /** Which member of a condition carries the operand. */
    enum Operand {
        VALUE,
        VALUES
    }

    public static final List<String> NAMES = Arrays.stream(values()).map(Operator::wireName).toList();

    private final String wireName;
    private final Operand operand;

    Operator(String wireName, Operand operand) {
        this.wireName = wireName;
        this.operand = operand;
    }

    public String wireName() {
        return wireName;
    }

    Operand operand() {
        return operand;
    }

    /** Whether the operator reads the time (the context attribute named, or the evaluation's time when none is). */
    boolean isTime() {
        return this == BEFORE || this == AFTER;
    }

    boolean isSegment() {
        return this == IN_SEGMENT || this == NOT_IN_SEGMENT;
    }

    boolean isSemver() {
        return wireName.startsWith("semver");
    }

    boolean isNumber() {
        return this == LESS_THAN || this == LESS_OR_EQUAL || this == GREATER_THAN || this == GREATER_OR_EQUAL;
    }

    boolean isText() {
        return this == STARTS_WITH || this == ENDS_WITH || this == CONTAINS || this == MATCHES;
    }

    /** The operator named {@code name}, or null. */
    public static Operator named(String name) {
        for (Operator operator : values()) {
            if (operator.wireName.equals(name)) {
                return operator;
            }
        }
        return null;
    }
}
