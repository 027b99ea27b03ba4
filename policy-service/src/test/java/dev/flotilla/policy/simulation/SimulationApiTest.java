package dev.flotilla.policy.simulation;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.flotilla.policy.Api.admin;
import static dev.flotilla.policy.Api.create;
import static dev.flotilla.policy.Api.decide;
import static dev.flotilla.policy.Api.policy;
import static dev.flotilla.policy.Api.question;
import static dev.flotilla.policy.Api.rule;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class SimulationApiTest {

    private final UUID tenant = UUID.randomUUID();

    private void logDecisions() {
        decide(tenant, question("viewer-1", "[\"viewer\"]", "read", "report", "r1", "{}"));
        decide(tenant, question("member-1", "[\"member\"]", "read", "report", "r2", "{}"));
        decide(tenant, question("admin-1", "[\"admin\"]", "delete", "report", "r3", "{}"));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            List<?> items = admin(tenant).get("/api/v1/decision-logs").then().extract().path("items");
            return items.size();
        }, greaterThanOrEqualTo(3));
    }

    @Test
    void aDraftReportsEveryRecentDecisionItWouldChange() {
        String id = create(tenant, policy("reports", "placeholder", "deny", "[\"none\"]", "[\"report\"]", null));
        logDecisions();
        String draft = "{\"rules\": ["
                + rule("viewers-blind", "deny", "[\"read\"]", "[\"report\"]", "'viewer' in subject.roles") + "]}";
        admin(tenant).body(draft).post("/api/v1/policies/" + id + "/simulate").then()
                .statusCode(200)
                .body("evaluated", is(3))
                .body("changed", is(1))
                .body("changes", hasSize(1))
                .body("changes[0].input.subject.id", is("viewer-1"))
                .body("changes[0].logged", is("ALLOW"))
                .body("changes[0].current", is("ALLOW"))
                .body("changes[0].draft", is("DENY"))
                .body("changes[0].draftMatchedRules[0].rule", is("viewers-blind"));
        // Nothing was saved.
        admin(tenant).get("/api/v1/policies/" + id).then().body("latestVersion", is(1));
    }

    @Test
    void aDraftThatDoesNotCompileIs422() {
        String id = create(tenant, policy("reports", "placeholder", "deny", "[\"none\"]", "[\"report\"]", null));
        admin(tenant).body("{\"rules\": [" + rule("bad", "deny", "[\"*\"]", "[\"*\"]", "nope") + "]}")
                .post("/api/v1/policies/" + id + "/simulate").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", is("rules[0].condition"));
    }

    @Test
    void simulatingAnotherTenantsPolicyIsNotFound() {
        String id = create(tenant, policy("reports", "placeholder", "deny", "[\"none\"]", "[\"report\"]", null));
        admin(UUID.randomUUID()).body("{\"rules\": []}").post("/api/v1/policies/" + id + "/simulate").then()
                .spec(Problems.notFound());
    }
}
