package dev.flotilla.policy.decision;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.policy.evaluation.DecisionRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who may ask which questions: services and admins about anyone, members and viewers only about themselves. */
class SelfQuestionsTest {

    /** A verified token as the caller's identity reads it: a subject and its groups. */
    private record Token(String subject, Set<String> groups) implements JsonWebToken {

        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "groups");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) switch (claimName) {
                case "sub" -> subject;
                case "groups" -> groups;
                default -> null;
            };
        }
    }

    private static Caller caller(String subject, String... roles) {
        return new Caller(new Token(subject, Set.of(roles)));
    }

    private static DecisionRequest about(String subject, String... roles) {
        return new DecisionRequest(new DecisionRequest.Subject(subject, Arrays.asList(roles), Map.of()), "read",
                new DecisionRequest.Resource("doc", "1", Map.of()), Map.of());
    }

    private static void assertForbidden(Caller caller, List<DecisionRequest> questions) {
        var refused = assertThrows(ProblemException.class, () -> SelfQuestions.requireAllowed(caller, questions));
        assertEquals(ProblemType.FORBIDDEN, refused.type());
    }

    @Test
    void aServiceAsksAboutAnyone() {
        assertDoesNotThrow(
                () -> SelfQuestions.requireAllowed(caller("search-service", "service"), List.of(about("u-1", "admin"))));
    }

    @Test
    void anAdminAsksAboutAnyone() {
        assertDoesNotThrow(() -> SelfQuestions.requireAllowed(caller("a-1", "admin"), List.of(about("u-1", "member"))));
    }

    @Test
    void aMemberAsksAboutThemselvesWithTheirTokensRoles() {
        assertDoesNotThrow(() -> SelfQuestions.requireAllowed(caller("m-1", "member"), List.of(about("m-1", "member"))));
    }

    @Test
    void theOrderOfTheRolesDoesNotMatter() {
        assertDoesNotThrow(() -> SelfQuestions.requireAllowed(caller("m-1", "member", "viewer"),
                List.of(about("m-1", "viewer", "member"))));
    }

    @Test
    void aQuestionWithoutRolesIsNotAboutAViewerWhoseTokenHasARole() {
        DecisionRequest withoutRoles = new DecisionRequest(new DecisionRequest.Subject("v-1", null, Map.of()), "read",
                new DecisionRequest.Resource("doc", "1", Map.of()), Map.of());
        assertForbidden(caller("v-1", "viewer"), List.of(withoutRoles));
    }

    @Test
    void aMemberMayNotAskAboutSomeoneElse() {
        assertForbidden(caller("m-1", "member"), List.of(about("m-2", "member")));
    }

    @Test
    void aMemberMayNotAskWithARoleTheirTokenLacks() {
        assertForbidden(caller("m-1", "member"), List.of(about("m-1", "member", "admin")));
    }

    @Test
    void aMemberMayNotAskWithFewerRolesThanTheirTokenHolds() {
        assertForbidden(caller("m-1", "member", "viewer"), List.of(about("m-1", "member")));
    }

    @Test
    void oneQuestionAboutSomeoneElseForbidsTheWholeBatch() {
        assertForbidden(caller("v-1", "viewer"), List.of(about("v-1", "viewer"), about("v-2", "viewer")));
    }
}
