package dev.flotilla.policy.decision;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.policy.evaluation.DecisionRequest;

import java.util.List;
import java.util.Set;

/**
 * Who may ask which questions. Services and admins ask about anyone of their tenant. Members and
 * viewers ask only about themselves, exactly as their token names them (id and roles; what
 * Kubernetes calls a self subject access review): a service acting for a user can then check the
 * user's request with the user's own token, and nobody learns what another person may do or
 * gets an answer for roles they do not hold.
 */
final class SelfQuestions {

    private SelfQuestions() {
    }

    static void requireAllowed(Caller caller, List<DecisionRequest> questions) {
        if (caller.hasRole(Roles.SERVICE) || caller.hasRole(Roles.ADMIN)) {
            return;
        }
        for (DecisionRequest question : questions) {
            List<String> roles = question.subject().roles() == null ? List.of() : question.subject().roles();
            if (!caller.subject().equals(question.subject().id()) || !Set.copyOf(roles).equals(caller.roles())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Members and viewers may only ask about themselves:"
                        + " the subject's id and roles must be the token's");
            }
        }
    }
}
