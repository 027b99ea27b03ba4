package dev.flotilla.policy.decision;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.flotilla.policy.Api.admin;
import static dev.flotilla.policy.Api.create;
import static dev.flotilla.policy.Api.decide;
import static dev.flotilla.policy.Api.policy;
import static dev.flotilla.policy.Api.question;
import static dev.flotilla.policy.Api.service;
import static dev.flotilla.testing.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DecisionsApiTest {

    private static final String DECISIONS = "/api/v1/decisions";
    private static final String ANY = "[\"*\"]";

    private final UUID tenant = UUID.randomUUID();

    @Test
    void theDefaultPolicyLetsAdminsDoEverything() {
        service(tenant).body(question("a1", "[\"admin\"]", "delete", "conversation", "c1", "{}")).post(DECISIONS).then()
                .statusCode(200)
                .body("decision", is("ALLOW"))
                .body("matchedRules[0].rule", is("admins-everything"))
                .body("matchedRules[0].policy", is("default"))
                .body("matchedRules[0].version", is(1))
                .body("reasons[0]", containsString("allowed by rule 'admins-everything'"))
                .body("evaluationMicros", greaterThanOrEqualTo(0));
    }

    @Test
    void theDefaultPolicyLetsMembersChangeOnlyWhatTheyOwn() {
        assertEquals("ALLOW",
                decide(tenant, question("m1", "[\"member\"]", "update", "conversation", "c1", "{\"ownerId\": \"m1\"}")));
        assertEquals("DENY",
                decide(tenant, question("m1", "[\"member\"]", "update", "conversation", "c2", "{\"ownerId\": \"m2\"}")));
        assertEquals("ALLOW", decide(tenant, question("m1", "[\"member\"]", "create", "conversation", "", "{}")));
    }

    @Test
    void theDefaultPolicyLetsViewersOnlyRead() {
        assertEquals("ALLOW",
                decide(tenant, question("v1", "[\"viewer\"]", "read", "conversation", "c1", "{\"ownerId\": \"x\"}")));
        assertEquals("DENY",
                decide(tenant, question("v1", "[\"viewer\"]", "update", "conversation", "c1", "{\"ownerId\": \"v1\"}")));
    }

    @Test
    void denyOverridesAllow() {
        create(tenant, policy("no-deletes", "never-delete-audit", "deny", "[\"delete\"]", "[\"audit:*\"]", null));
        service(tenant).body(question("a1", "[\"admin\"]", "delete", "audit", "e1", "{}")).post(DECISIONS).then()
                .statusCode(200)
                .body("decision", is("DENY"))
                .body("matchedRules.rule", is(List.of("never-delete-audit")))
                .body("reasons", hasItem(containsString("deny overrides")));
    }

    @Test
    void nothingMatchingMeansDeny() {
        service(tenant).body(question("nobody", "[]", "read", "conversation", "c1", "{}")).post(DECISIONS).then()
                .statusCode(200)
                .body("decision", is("DENY"))
                .body("matchedRules", hasSize(0))
                .body("reasons[0]", containsString("default is deny"));
    }

    @Test
    void conditionsSeeTheContext() {
        create(tenant, policy("plan-limits", "free-plan-limit", "deny", "[\"create\"]", "[\"conversation\"]",
                "context.plan == 'free' && context.conversationCount >= 10"));
        String body = """
                {"subject": {"id": "m1", "roles": ["member"]}, "action": "create",
                 "resource": {"type": "conversation"}, "context": {"plan": "free", "conversationCount": %d}}
                """;
        assertEquals("ALLOW", decide(tenant, body.formatted(9)));
        assertEquals("DENY", decide(tenant, body.formatted(10)));
    }

    @Test
    void aBatchIsAnsweredInOrder() {
        String batch = "{\"requests\": [" + question("a", "[\"admin\"]", "read", "doc", "1", "{}") + ","
                + question("n", "[]", "read", "doc", "1", "{}") + ","
                + question("v", "[\"viewer\"]", "read", "doc", "1", "{}") + "]}";
        service(tenant).body(batch).post(DECISIONS + "/batch").then()
                .statusCode(200)
                .body("results.decision", is(List.of("ALLOW", "DENY", "ALLOW")));
    }

    @Test
    void aBatchOfMoreThan1000IsABadRequest() {
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            questions.add(question("n", "[]", "read", "doc", "1", "{}"));
        }
        service(tenant).body("{\"requests\": [" + String.join(",", questions) + "]}").post(DECISIONS + "/batch").then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItem("requests"));
    }

    @Test
    void aQuestionWithoutASubjectIsABadRequest() {
        service(tenant).body("{\"action\": \"read\", \"resource\": {\"type\": \"doc\"}}").post(DECISIONS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItem("subject"));
    }

    @Test
    void aMemberMayAskAboutThemselves() {
        as("m-self", tenant, "member")
                .body(question("m-self", "[\"member\"]", "update", "conversation", "c1", "{\"ownerId\": \"m-self\"}"))
                .post(DECISIONS).then()
                .statusCode(200)
                .body("decision", is("ALLOW"));
    }

    @Test
    void aMemberCannotAskAboutSomeoneElse() {
        as(tenant, "member").body(question("m", "[\"member\"]", "read", "doc", "1", "{}")).post(DECISIONS).then()
                .spec(Problems.forbidden());
    }

    @Test
    void aMemberCannotAskWithRolesTheirTokenLacks() {
        as("m-self", tenant, "member")
                .body(question("m-self", "[\"member\", \"admin\"]", "delete", "conversation", "c1", "{}"))
                .post(DECISIONS).then()
                .spec(Problems.forbidden());
    }

    @Test
    void aViewersBatchMayOnlyHoldQuestionsAboutThemselves() {
        String own = question("v-self", "[\"viewer\"]", "read", "doc", "1", "{}");
        String other = question("v-other", "[\"viewer\"]", "read", "doc", "1", "{}");
        as("v-self", tenant, "viewer")
                .body("{\"requests\": [" + own + "," + other + "]}")
                .post(DECISIONS + "/batch").then()
                .spec(Problems.forbidden());
        as("v-self", tenant, "viewer")
                .body("{\"requests\": [" + own + "]}")
                .post(DECISIONS + "/batch").then()
                .statusCode(200);
    }

    @Test
    void aPolicyChangeAppliesToTheNextDecision() {
        String q = question("m1", "[\"member\"]", "read", "report", "r1", "{}");
        assertEquals("ALLOW", decide(tenant, q));
        String id = create(tenant, policy("lockdown", "no-reports", "deny", ANY, "[\"report\"]", null));
        assertEquals("DENY", decide(tenant, q));
        admin(tenant).header("If-Match", "\"1\"")
                .body(policy("lockdown", "no-reports", "deny", ANY, "[\"report\"]", "'frozen' in subject.roles"))
                .put("/api/v1/policies/" + id).then().statusCode(200);
        assertEquals("ALLOW", decide(tenant, q));
        admin(tenant).post("/api/v1/policies/" + id + "/versions/1/activate").then().statusCode(200);
        assertEquals("DENY", decide(tenant, q));
        admin(tenant).delete("/api/v1/policies/" + id).then().statusCode(204);
        assertEquals("ALLOW", decide(tenant, q));
    }

    @Test
    void tenantsDoNotSeeEachOthersPolicies() {
        create(tenant, policy("lockdown", "no-reports", "deny", ANY, "[\"report\"]", null));
        String q = question("a1", "[\"admin\"]", "read", "report", "r1", "{}");
        assertEquals("DENY", decide(tenant, q));
        assertEquals("ALLOW", decide(UUID.randomUUID(), q));
    }
}
