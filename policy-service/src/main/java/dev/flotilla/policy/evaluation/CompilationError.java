package dev.flotilla.policy.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a policy does not compile, pinned to the rule and, for a CEL condition, to the position in
 * the expression (line and column, both counted from 1).
 *
 * @param ruleIndex position of the rule in the policy, from 0
 * @param ruleId the rule's id as written
 * @param field JSON path of the offending value, e.g. {@code rules[1].condition}
 * @param line line in the expression, or {@code null} when the error is not in an expression
 * @param column column in the expression, or {@code null}
 * @param message what is wrong
 */
public record CompilationError(int ruleIndex, String ruleId, String field, Integer line, Integer column, String message) {

    /** One line naming the rule and the position, as reported by validation and by a rejected save. */
    @JsonProperty("detail")
    public String describe() {
        String where = line == null ? "" : " at line " + line + ", column " + column;
        return "rule '" + ruleId + "' (" + field + ")" + where + ": " + message;
    }
}
