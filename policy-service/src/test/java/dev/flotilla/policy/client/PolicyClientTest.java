package dev.flotilla.policy.client;

import dev.flotilla.common.policy.PolicyAnswer;
import dev.flotilla.common.policy.PolicyAnswer.Basis;
import dev.flotilla.common.policy.PolicyQuestion;
import dev.flotilla.policy.Api;
import dev.flotilla.policy.client.PolicyServiceOutage.Mode;
import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.policy.Api.create;
import static dev.flotilla.policy.Api.decide;
import static dev.flotilla.policy.Api.policy;
import static dev.flotilla.policy.Api.service;
import static dev.flotilla.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared {@code PolicyClient} against the real policy-service, over HTTP: a test endpoint uses
 * the client inside a request with the caller's token, and the client calls this service's
 * decision API. {@link PolicyServiceOutage} counts the calls that arrive and plays outages.
 */
@QuarkusTest
class PolicyClientTest {

    private static final String PROBE = "/test/policy-client";
    private static final String BREAKER = "policy-decisions";

    private final UUID tenant = UUID.randomUUID();

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void policyServiceIsUpAndKnowsTheTenant() {
        policyServiceIsUp();
        // The first decision for a tenant provisions its default policy; keep that out of the counts and timings.
        decide(tenant, Api.question("warm-up", "[]", "read", "doc", "0", "{}"));
        PolicyServiceOutage.end();
    }

    @AfterEach
    void policyServiceIsUp() {
        PolicyServiceOutage.end();
        breakers.resetAll();
    }

    // --- decisions ---

    @Test
    void anAllowedQuestionIsAnsweredAllowedWithTheMatchedRules() {
        PolicyAnswer answer = check(tenant, question("a1", "admin", "delete", "conversation", "c1"));
        assertTrue(answer.allowed());
        assertEquals(Basis.DECISION, answer.basis());
        assertFalse(answer.fromFallback());
        assertEquals(1, answer.matchedRules().size());
        PolicyAnswer.MatchedRule rule = answer.matchedRules().get(0);
        assertEquals("admins-everything", rule.rule());
        assertEquals("default", rule.policy());
        assertEquals(1, rule.version());
        assertEquals("allow", rule.effect());
    }

    @Test
    void aDeniedQuestionIsAnsweredDeniedWithTheReason() {
        PolicyAnswer answer = check(tenant, question("nobody", null, "read", "conversation", "c1"));
        assertFalse(answer.allowed());
        assertEquals(Basis.DECISION, answer.basis());
        assertTrue(answer.matchedRules().isEmpty());
        assertTrue(answer.reasons().get(0).contains("default is deny"), answer.reasons().toString());
    }

    @Test
    void aDenyRuleDecidesAndIsReported() {
        create(tenant, policy("lockdown", "no-reports", "deny", "[\"*\"]", "[\"report\"]", null));
        PolicyAnswer answer = check(tenant, question("a1", "admin", "read", "report", "r1"));
        assertFalse(answer.allowed());
        assertEquals(List.of("no-reports"), answer.matchedRules().stream().map(PolicyAnswer.MatchedRule::rule).toList());
    }

    @Test
    void attributesAndContextReachTheConditions() {
        create(tenant, policy("plan-limits", "free-plan-limit", "deny", "[\"create\"]", "[\"conversation\"]",
                "context.plan == 'free' && context.conversationCount >= 10"));
        PolicyQuestion create = new PolicyQuestion("m1", List.of("member"), Map.of("team", "blue"), "create", "conversation",
                null, Map.of(), Map.of());
        assertTrue(check(tenant, create.withContext(Map.of("plan", "free", "conversationCount", 9))).allowed());
        assertFalse(check(tenant, create.withContext(Map.of("plan", "free", "conversationCount", 10))).allowed());
        PolicyQuestion own = question("m1", "member", "update", "conversation", "c1");
        assertTrue(check(tenant, withOwner(own, "m1")).allowed());
        assertFalse(check(tenant, withOwner(own, "m2")).allowed());
    }

    @Test
    void aQuestionAboutTheCallerCarriesItsSubjectAndRoles() {
        as(tenant, "admin").post(PROBE + "/check-own?action=delete&type=conversation&id=c1").then()
                .statusCode(200)
                .body("allowed", is(true))
                .body("matchedRules[0].rule", is("admins-everything"));
        // A service is not a user: the default policy gives the role "service" nothing.
        as(tenant, "service").post(PROBE + "/check-own?action=delete&type=conversation&id=c1").then()
                .statusCode(200)
                .body("allowed", is(false))
                .body("basis", is("DECISION"));
    }

    @Test
    void requirePassesWhenThePolicyAllows() {
        service(tenant).body(question("a1", "admin", "delete", "conversation", "c1")).post(PROBE + "/require").then()
                .statusCode(204);
    }

    @Test
    void requireIsAForbiddenProblemWhenThePolicyDenies() {
        service(tenant).body(question("v1", "viewer", "delete", "conversation", "c1")).post(PROBE + "/require").then()
                .spec(Problems.forbidden())
                .body("detail", containsString("'delete'"))
                // The tenant's rules are not revealed to the caller.
                .body("detail", not(containsString("default")));
    }

    // --- the decision cache ---

    @Test
    void aSecondIdenticalQuestionWithinTheTtlDoesNotReachPolicyService() {
        PolicyQuestion q = question("a1", "admin", "read", "conversation", "c1");
        PolicyAnswer first = check(tenant, q);
        assertEquals(1, PolicyServiceOutage.requests());
        PolicyAnswer second = check(tenant, q);
        assertEquals(1, PolicyServiceOutage.requests(), "the second question reached policy-service");
        assertEquals(first, second);
        check(tenant, question("a1", "admin", "read", "conversation", "c2"));
        assertEquals(2, PolicyServiceOutage.requests(), "another question is asked");
    }

    @Test
    void theCacheIsPerTenant() {
        UUID locked = UUID.randomUUID();
        create(locked, policy("lockdown", "no-reports", "deny", "[\"*\"]", "[\"report\"]", null));
        PolicyServiceOutage.end();
        PolicyQuestion q = question("a1", "admin", "read", "report", "r1");
        assertTrue(check(tenant, q).allowed());
        PolicyAnswer lockedAnswer = check(locked, q);
        assertEquals(Basis.DECISION, lockedAnswer.basis());
        assertFalse(lockedAnswer.allowed(), "another tenant's cached answer was used");
        assertEquals(2, PolicyServiceOutage.requests());
    }

    @Test
    void aCachedAnswerLastsUntilTheTtlThenThePolicyInForceDecides() {
        PolicyQuestion q = question("a1", "admin", "read", "report", "r1");
        assertTrue(check(tenant, q).allowed());
        long cachedAt = System.nanoTime();
        create(tenant, policy("lockdown", "no-reports", "deny", "[\"*\"]", "[\"report\"]", null));
        assertTrue(check(tenant, q).allowed(), "within the TTL the cached answer stands");
        PolicyAnswer later = await().atMost(Duration.ofSeconds(15)).until(() -> check(tenant, q), answer -> !answer.allowed());
        Duration waited = Duration.ofNanos(System.nanoTime() - cachedAt);
        assertEquals(Basis.DECISION, later.basis());
        assertTrue(waited.compareTo(Duration.ofMillis(4500)) >= 0, "the cached answer expired after only " + waited);
        assertEquals(2, PolicyServiceOutage.requests(), "policy-service was asked once more, after the TTL");
    }

    // --- batches ---

    @Test
    void checkAllAnswersInTheOrderOfTheQuestions() {
        List<PolicyAnswer> answers = checkAll(tenant, List.of(
                question("a", "admin", "read", "doc", "1"),
                question("n", null, "read", "doc", "1"),
                question("v", "viewer", "read", "doc", "1")));
        assertEquals(List.of(true, false, true), answers.stream().map(PolicyAnswer::allowed).toList());
        assertEquals(Basis.DECISION, answers.get(1).basis());
    }

    @Test
    void checkAllSplitsMoreThan1000QuestionsIntoBatches() {
        List<PolicyQuestion> questions = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            questions.add(question("s" + i, i % 3 == 0 ? "admin" : null, "read", "doc", "d" + i));
        }
        List<PolicyAnswer> answers = checkAll(tenant, questions);
        assertEquals(1001, answers.size());
        for (int i = 0; i < 1001; i++) {
            assertEquals(i % 3 == 0, answers.get(i).allowed(), "answer " + i);
        }
        // policy-service refuses batches over 1,000 questions, so right answers prove the split.
        assertTrue(PolicyServiceOutage.calls() >= 2, "1,000 + 1");
    }

    @Test
    void checkAllTakesCachedAnswersFromTheCache() {
        PolicyQuestion known = question("a", "admin", "read", "doc", "1");
        PolicyQuestion fresh = question("n", null, "read", "doc", "1");
        check(tenant, known);
        assertEquals(List.of(true, false),
                checkAll(tenant, List.of(known, fresh)).stream().map(PolicyAnswer::allowed).toList());
        assertEquals(2, PolicyServiceOutage.requests());
        assertEquals(List.of(false, true),
                checkAll(tenant, List.of(fresh, known)).stream().map(PolicyAnswer::allowed).toList());
        assertEquals(2, PolicyServiceOutage.requests(), "both answers were cached");
    }

    // --- failing closed ---

    @Test
    void whenPolicyServiceIsDownTheAnswerIsADenialFromTheFallback() {
        PolicyServiceOutage.begin(Mode.CONNECTION_DROPPED);
        PolicyAnswer answer = check(tenant, question("a1", "admin", "delete", "conversation", "c1"));
        assertFalse(answer.allowed());
        assertTrue(answer.fromFallback());
        assertEquals(Basis.UNAVAILABLE, answer.basis());
        assertEquals(List.of("policy-service unavailable"), answer.reasons());
        assertEquals(2, PolicyServiceOutage.calls(), "retried once");
    }

    @Test
    void requireIsAServiceUnavailableProblemWhenPolicyServiceIsDown() {
        PolicyServiceOutage.begin(Mode.CONNECTION_DROPPED);
        service(tenant).body(question("a1", "admin", "delete", "conversation", "c1")).post(PROBE + "/require").then()
                .spec(Problems.serviceUnavailable());
    }

    @Test
    void aServerErrorOfPolicyServiceFailsClosed() {
        PolicyServiceOutage.begin(Mode.SERVER_ERROR);
        PolicyAnswer answer = check(tenant, question("a1", "admin", "delete", "conversation", "c1"));
        assertEquals(Basis.UNAVAILABLE, answer.basis());
        assertFalse(answer.allowed());
    }

    @Test
    void aSlowPolicyServiceIsCutOffByTheTimeout() {
        PolicyServiceOutage.begin(Mode.SLOW);
        long start = System.nanoTime();
        PolicyAnswer answer = check(tenant, question("a1", "admin", "delete", "conversation", "c1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Basis.UNAVAILABLE, answer.basis());
        assertTrue(took.compareTo(Duration.ofMillis(5000)) < 0, "two attempts of 2 s took " + took);
    }

    @Test
    void failClosedAnswersAreNotCached() {
        PolicyQuestion q = question("a1", "admin", "delete", "conversation", "c1");
        PolicyServiceOutage.begin(Mode.CONNECTION_DROPPED);
        assertFalse(check(tenant, q).allowed());
        PolicyServiceOutage.end();
        PolicyAnswer answer = check(tenant, q);
        assertTrue(answer.allowed());
        assertEquals(1, PolicyServiceOutage.requests());
    }

    @Test
    void checkAllFailsClosedForEveryQuestionWhenPolicyServiceIsDown() {
        PolicyServiceOutage.begin(Mode.SERVER_ERROR);
        List<PolicyAnswer> answers = checkAll(tenant, List.of(
                question("a", "admin", "read", "doc", "1"),
                question("b", "admin", "read", "doc", "2")));
        assertEquals(List.of(Basis.UNAVAILABLE, Basis.UNAVAILABLE), answers.stream().map(PolicyAnswer::basis).toList());
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndThenPolicyServiceIsNotCalled() {
        PolicyServiceOutage.begin(Mode.SERVER_ERROR);
        for (int i = 0; i < 10 && breakers.currentState(BREAKER) != CircuitBreakerState.OPEN; i++) {
            check(tenant, question("a1", "admin", "read", "doc", "d" + i));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(BREAKER));
        int calls = PolicyServiceOutage.calls();
        PolicyServiceOutage.end();
        for (int i = 0; i < 3; i++) {
            assertEquals(Basis.UNAVAILABLE, check(tenant, question("a1", "admin", "read", "doc", "x" + i)).basis());
        }
        assertEquals(0, PolicyServiceOutage.calls(), "an open breaker answers without calling (" + calls + " calls opened it)");
    }

    @Test
    void aTokenPolicyServiceRefusesGivesADenialAndIsNeitherRetriedNorAFailureOfPolicyService() {
        // A member may ask only about themselves: a question about "m1" with another member's token is refused.
        for (int i = 0; i < 12; i++) {
            PolicyAnswer answer = as(tenant, "member").body(question("m1", "member", "read", "doc", "d" + i))
                    .post(PROBE + "/check").then().statusCode(200).extract().as(PolicyAnswer.class);
            assertEquals(Basis.REJECTED, answer.basis());
            assertFalse(answer.allowed());
        }
        assertEquals(12, PolicyServiceOutage.requests());
        assertEquals(12, PolicyServiceOutage.calls(), "not retried");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(BREAKER));
        as(tenant, "member").body(question("m1", "member", "read", "doc", "d1")).post(PROBE + "/require").then()
                .spec(Problems.problem(500, "internal"));
    }

    @Test
    void aMemberAskingAboutThemselvesGetsADecision() {
        PolicyAnswer answer = as("m-self", tenant, "member")
                .body(question("m-self", "member", "read", "doc", "d1"))
                .post(PROBE + "/check").then().statusCode(200).extract().as(PolicyAnswer.class);

        assertEquals(Basis.DECISION, answer.basis());
        assertTrue(answer.allowed());
    }

    @Test
    void withoutATokenTheAnswerIsADenialAndPolicyServiceIsNotAsked() {
        given().contentType(ContentType.JSON).body(question("a1", "admin", "read", "doc", "1"))
                .post(PROBE + "/check-anonymous").then()
                .statusCode(200)
                .body("allowed", is(false))
                .body("basis", is("REJECTED"));
        assertEquals(0, PolicyServiceOutage.calls());
    }

    @Test
    void theAnswerArrivesOnTheCallersVertxContext() {
        PolicyQuestion q = question("a1", "admin", "read", "doc", "1");
        service(tenant).body(q).post(PROBE + "/context").then()
                .statusCode(200).body("sameContext", is(true)).body("basis", is("DECISION"));
        service(tenant).body(q).post(PROBE + "/context").then()
                .statusCode(200).body("sameContext", is(true)).body("basis", is("DECISION"));
        PolicyServiceOutage.begin(Mode.SLOW);
        service(tenant).body(question("a1", "admin", "read", "doc", "2")).post(PROBE + "/context").then()
                .statusCode(200).body("sameContext", is(true)).body("basis", is("UNAVAILABLE"));
    }

    // --- helpers ---

    /** A question of {@code subject} with one role (or none) about {@code type}/{@code id}. */
    private static PolicyQuestion question(String subject, String role, String action, String type, String id) {
        return new PolicyQuestion(subject, role == null ? List.of() : List.of(role), Map.of(), action, type, id, Map.of(),
                Map.of());
    }

    private static PolicyQuestion withOwner(PolicyQuestion q, String owner) {
        return new PolicyQuestion(q.subjectId(), q.roles(), q.subjectAttributes(), q.action(), q.resourceType(), q.resourceId(),
                Map.of("ownerId", owner), q.context());
    }

    /** The client's answer, asked by a service of {@code tenant}. */
    private static PolicyAnswer check(UUID tenant, PolicyQuestion question) {
        return service(tenant).body(question).post(PROBE + "/check").then().statusCode(200).extract().as(PolicyAnswer.class);
    }

    private static List<PolicyAnswer> checkAll(UUID tenant, List<PolicyQuestion> questions) {
        return Arrays.asList(service(tenant).body(questions).post(PROBE + "/check-all").then().statusCode(200)
                .extract().as(PolicyAnswer[].class));
    }
}
