package dev.flotilla.policy.evaluation;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.List;

/**
 * A rule's condition, compiled: its expression and CEL program. A condition that is nothing but a
 * role check ({@code 'editor' in subject.roles}), the commonest kind, is answered from the
 * request's roles without the interpreter; the answer is the same, since {@code subject.roles} is
 * always a list of strings (empty when the request has none). Immutable and thread-safe.
 */
public final class Condition {

    private final String expression;
    private final CelRuntime.Program program;
    /** The role the condition requires when it is a plain role check, otherwise {@code null}. */
    private final String requiredRole;

    Condition(String expression, CelAbstractSyntaxTree ast, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
        this.requiredRole = requiredRole(ast.getExpr());
    }

    /** The expression as written: conditions written alike give the same answer to a decision. */
    public String expression() {
        return expression;
    }

    boolean isRoleCheck() {
        return requiredRole != null;
    }

    boolean test(DecisionVariables variables) throws CelEvaluationException {
        if (requiredRole != null) {
            List<String> roles = variables.request().subject().roles();
            return roles != null && roles.contains(requiredRole);
        }
        return Boolean.TRUE.equals(program.eval(variables.resolver()));
    }

    /** {@code role} when {@code expr} is exactly {@code 'role' in subject.roles}. */
    private static String requiredRole(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL || !expr.call().function().equals(Operator.IN.getFunction())
                || expr.call().target().isPresent() || expr.call().args().size() != 2) {
            return null;
        }
        CelExpr element = expr.call().args().get(0);
        CelExpr list = expr.call().args().get(1);
        boolean literalString = element.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && element.constant().getKind() == CelConstant.Kind.STRING_VALUE;
        boolean subjectRoles = list.getKind() == CelExpr.ExprKind.Kind.SELECT
                && !list.select().testOnly()
                && list.select().field().equals("roles")
                && list.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
                && list.select().operand().ident().name().equals(CelValues.SUBJECT);
        return literalString && subjectRoles ? element.constant().stringValue() : null;
    }
}
