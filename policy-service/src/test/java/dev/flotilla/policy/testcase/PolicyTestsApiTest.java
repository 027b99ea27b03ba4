package dev.flotilla.policy.testcase;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.flotilla.policy.Api.admin;
import static dev.flotilla.policy.Api.create;
import static dev.flotilla.policy.Api.policy;
import static dev.flotilla.policy.Api.question;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class PolicyTestsApiTest {

    private static final String POLICIES = "/api/v1/policies/";
    private static final String ANY = "[\"*\"]";

    private final UUID tenant = UUID.randomUUID();

    private static String test(String name, String question, String expect) {
        return "{\"name\": \"" + name + "\", \"input\": " + question + ", \"expect\": \"" + expect + "\"}";
    }

    /** A policy whose version 1 lets viewers read reports, and whose version 2 does not. */
    private String policyWithTwoVersions() {
        String id = create(tenant,
                policy("reports", "viewers-read", "allow", "[\"read\"]", "[\"report\"]", "'viewer' in subject.roles"));
        admin(tenant).header("If-Match", "\"1\"").queryParam("activate", false)
                .body(policy("reports", "viewers-read", "allow", "[\"read\"]", "[\"report\"]", "'auditor' in subject.roles"))
                .put(POLICIES + id).then().statusCode(200);
        return id;
    }

    @Test
    void aStoredTestReportsItsOutcomeAgainstTheActiveVersion() {
        String id = policyWithTwoVersions();
        admin(tenant).body(test("viewers read reports", question("v", "[\"viewer\"]", "read", "report", "r1", "{}"), "ALLOW"))
                .post(POLICIES + id + "/tests").then()
                .statusCode(201)
                .header("Location", containsString("/tests/"))
                .body("activeVersion", is(1))
                .body("actual", is("ALLOW"))
                .body("passes", is(true));
        admin(tenant).get(POLICIES + id + "/tests").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", is("viewers read reports"))
                .body("items[0].input.subject.id", is("v"));
    }

    @Test
    void aVersionThatFailsTheStoredTestsCannotBeActivated() {
        String id = policyWithTwoVersions();
        admin(tenant).body(test("viewers read reports", question("v", "[\"viewer\"]", "read", "report", "r1", "{}"), "ALLOW"))
                .post(POLICIES + id + "/tests").then().statusCode(201);
        admin(tenant).post(POLICIES + id + "/versions/2/activate").then()
                .spec(Problems.unprocessable())
                .body("detail", containsString("Version 2 fails 1 of 1 stored test(s)"))
                .body("detail", containsString("'viewers read reports' expects ALLOW but the version decides DENY"))
                .body("errors.field", hasItem("tests.viewers read reports"));
        admin(tenant).get(POLICIES + id).then().body("activeVersion", is(1));
    }

    @Test
    void aVersionThatPassesTheStoredTestsIsActivated() {
        String id = policyWithTwoVersions();
        admin(tenant).body(test("auditors read reports", question("a", "[\"auditor\"]", "read", "report", "r1", "{}"), "ALLOW"))
                .post(POLICIES + id + "/tests").then().statusCode(201).body("passes", is(false));
        admin(tenant).post(POLICIES + id + "/versions/2/activate").then().statusCode(200).body("activeVersion", is(2));
    }

    @Test
    void aPutThatBreaksAStoredTestIsRejectedAndSavesNothing() {
        String id = create(tenant,
                policy("reports", "viewers-read", "allow", "[\"read\"]", "[\"report\"]", "'viewer' in subject.roles"));
        admin(tenant).body(test("viewers read reports", question("v", "[\"viewer\"]", "read", "report", "r1", "{}"), "ALLOW"))
                .post(POLICIES + id + "/tests").then().statusCode(201);
        admin(tenant).header("If-Match", "\"1\"").body(policy("reports", "nobody", "deny", ANY, ANY, null))
                .put(POLICIES + id).then()
                .spec(Problems.unprocessable())
                .body("detail", containsString("fails 1 of 1"));
        admin(tenant).get(POLICIES + id).then().body("latestVersion", is(1)).header("ETag", is("\"1\""));
    }

    @Test
    void twoTestsWithTheSameNameAreAConflict() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        String body = test("same", question("v", "[]", "read", "doc", "1", "{}"), "ALLOW");
        admin(tenant).body(body).post(POLICIES + id + "/tests").then().statusCode(201);
        admin(tenant).body(body).post(POLICIES + id + "/tests").then().spec(Problems.conflict());
    }

    @Test
    void aDeletedTestNoLongerGatesActivation() {
        String id = policyWithTwoVersions();
        String testId = Responses.created(admin(tenant)
                .body(test("viewers read reports", question("v", "[\"viewer\"]", "read", "report", "r1", "{}"), "ALLOW"))
                .post(POLICIES + id + "/tests").then());
        admin(tenant).delete(POLICIES + id + "/tests/" + testId).then().statusCode(204);
        admin(tenant).post(POLICIES + id + "/versions/2/activate").then().statusCode(200);
    }

    @Test
    void anotherTenantsPolicyTestsAreNotFound() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        UUID other = UUID.randomUUID();
        admin(other).get(POLICIES + id + "/tests").then().spec(Problems.notFound());
        admin(other).body(test("t", question("v", "[]", "read", "doc", "1", "{}"), "ALLOW"))
                .post(POLICIES + id + "/tests").then().spec(Problems.notFound());
    }
}
