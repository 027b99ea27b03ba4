package dev.flotilla.policy.policy;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.flotilla.policy.Api.admin;
import static dev.flotilla.policy.Api.create;
import static dev.flotilla.policy.Api.policy;
import static dev.flotilla.policy.Api.service;
import static dev.flotilla.testing.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PoliciesApiTest {

    private static final String POLICIES = "/api/v1/policies";
    private static final String ANY = "[\"*\"]";

    private final UUID tenant = UUID.randomUUID();

    @Test
    void creatingAPolicyAnswers201WithLocationETagAndVersion1() {
        admin(tenant).body(policy("readers", "r1", "allow", "[\"read\"]", "[\"conversation:*\"]", "'viewer' in subject.roles"))
                .post(POLICIES).then()
                .statusCode(201)
                .header("Location", containsString(POLICIES + "/"))
                .header("ETag", is("\"1\""))
                .body("name", is("readers"))
                .body("activeVersion", is(1))
                .body("latestVersion", is(1))
                .body("rules[0].id", is("r1"))
                .body("rules[0].effect", is("allow"));
    }

    @Test
    void aNewTenantStartsWithTheDefaultPolicy() {
        admin(tenant).get(POLICIES).then()
                .statusCode(200)
                .body("items.name", hasItem("default"))
                .body("items.find { it.name == 'default' }.rules.id", hasItem("admins-everything"));
    }

    @Test
    void savingAnInvalidConditionIs422NamingTheRuleAndPosition() {
        admin(tenant).body(policy("broken", "bad-rule", "allow", ANY, ANY, "subject.id == nope"))
                .post(POLICIES).then()
                .spec(Problems.unprocessable())
                .body("detail", containsString("rule 'bad-rule' (rules[0].condition) at line 1, column 15"))
                .body("detail", containsString("undeclared reference to 'nope'"))
                .body("errors[0].field", is("rules[0].condition"));
        admin(tenant).get(POLICIES).then().body("items.name", everyItem(is("default")));
    }

    @Test
    void validateReportsTheSameErrorsWithoutSaving() {
        admin(tenant).body("{\"rules\": [" + ruleWith("ok", "true") + "," + ruleWith("bad-rule", "subject.id == nope") + "]}")
                .post(POLICIES + "/validate").then()
                .statusCode(200)
                .body("valid", is(false))
                .body("errors", hasSize(1))
                .body("errors[0].ruleId", is("bad-rule"))
                .body("errors[0].ruleIndex", is(1))
                .body("errors[0].line", is(1))
                .body("errors[0].column", is(15))
                .body("errors[0].detail", containsString("rule 'bad-rule' (rules[1].condition) at line 1, column 15"));
    }

    @Test
    void validateAcceptsAValidPolicy() {
        admin(tenant).body("{\"rules\": [" + ruleWith("ok", "'admin' in subject.roles && now.getHours('UTC') < 18") + "]}")
                .post(POLICIES + "/validate").then()
                .statusCode(200)
                .body("valid", is(true))
                .body("errors", hasSize(0));
    }

    @Test
    void aRuleWithoutActionsIsABadRequest() {
        admin(tenant).body(
                "{\"name\": \"x\", \"rules\": [{\"id\": \"r\", \"effect\": \"allow\", \"actions\": [], \"resources\": [\"*\"]}]}")
                .post(POLICIES).then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItem("rules[0].actions"));
    }

    @Test
    void anUnknownEffectIsABadRequest() {
        admin(tenant).body(
                "{\"name\": \"x\", \"rules\": [{\"id\": \"r\", \"effect\": \"maybe\", \"actions\": [\"*\"], \"resources\": [\"*\"]}]}")
                .post(POLICIES).then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItem("rules[0].effect"));
    }

    @Test
    void aSecondPolicyWithTheSameNameIsAConflict() {
        create(tenant, policy("twin", "r", "allow", ANY, ANY, null));
        admin(tenant).body(policy("twin", "r", "allow", ANY, ANY, null)).post(POLICIES).then().spec(Problems.conflict());
    }

    @Test
    void putWithoutIfMatchIs428() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        admin(tenant).body(policy("p", "r2", "deny", ANY, ANY, null)).put(POLICIES + "/" + id).then()
                .spec(Problems.preconditionRequired());
    }

    @Test
    void putWithAStaleIfMatchIs412AndChangesNothing() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        admin(tenant).header("If-Match", "\"1\"").body(policy("p", "r2", "allow", ANY, ANY, null)).put(POLICIES + "/" + id)
                .then().statusCode(200).header("ETag", is("\"2\""));
        admin(tenant).header("If-Match", "\"1\"").body(policy("p", "r3", "deny", ANY, ANY, null)).put(POLICIES + "/" + id)
                .then()
                .spec(Problems.preconditionFailed());
        admin(tenant).get(POLICIES + "/" + id).then().body("latestVersion", is(2)).body("rules[0].id", is("r2"));
    }

    @Test
    void putCreatesANewImmutableVersionAndActivatesIt() {
        String id = create(tenant, policy("p", "v1-rule", "allow", ANY, ANY, null));
        admin(tenant).header("If-Match", "\"1\"").body(policy("p", "v2-rule", "allow", ANY, ANY, null)).put(POLICIES + "/" + id)
                .then().statusCode(200)
                .body("activeVersion", is(2))
                .body("rules[0].id", is("v2-rule"));
        admin(tenant).get(POLICIES + "/" + id + "/versions").then()
                .statusCode(200)
                .body("items.version", is(java.util.List.of(2, 1)))
                .body("items[0].active", is(true))
                .body("items[1].rules[0].id", is("v1-rule"))
                .body("nextCursor", nullValue());
    }

    @Test
    void putWithActivateFalseKeepsTheActiveVersion() {
        String id = create(tenant, policy("p", "v1-rule", "allow", ANY, ANY, null));
        admin(tenant).header("If-Match", "\"1\"").queryParam("activate", false)
                .body(policy("p", "v2-rule", "allow", ANY, ANY, null)).put(POLICIES + "/" + id)
                .then().statusCode(200)
                .body("activeVersion", is(1))
                .body("latestVersion", is(2))
                .body("rules[0].id", is("v1-rule"));
    }

    @Test
    void activatingAnOlderVersionRollsBackAndANewerOneRollsForward() {
        String id = create(tenant, policy("p", "v1-rule", "allow", ANY, ANY, null));
        admin(tenant).header("If-Match", "\"1\"").body(policy("p", "v2-rule", "allow", ANY, ANY, null)).put(POLICIES + "/" + id)
                .then().statusCode(200);
        admin(tenant).post(POLICIES + "/" + id + "/versions/1/activate").then()
                .statusCode(200)
                .header("ETag", is("\"3\""))
                .body("activeVersion", is(1))
                .body("rules[0].id", is("v1-rule"));
        admin(tenant).post(POLICIES + "/" + id + "/versions/2/activate").then()
                .statusCode(200)
                .body("activeVersion", is(2));
    }

    @Test
    void activatingAMissingVersionIs404() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        admin(tenant).post(POLICIES + "/" + id + "/versions/7/activate").then().spec(Problems.notFound());
    }

    @Test
    void versionsPageWithACursor() {
        String id = create(tenant, policy("p", "r1", "allow", ANY, ANY, null));
        for (int v = 1; v <= 2; v++) {
            admin(tenant).header("If-Match", "\"" + v + "\"").body(policy("p", "r" + (v + 1), "allow", ANY, ANY, null))
                    .put(POLICIES + "/" + id).then().statusCode(200);
        }
        String cursor = admin(tenant).queryParam("limit", 2).get(POLICIES + "/" + id + "/versions").then()
                .statusCode(200)
                .body("items.version", is(java.util.List.of(3, 2)))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        admin(tenant).queryParam("limit", 2).queryParam("cursor", cursor).get(POLICIES + "/" + id + "/versions").then()
                .body("items.version", is(java.util.List.of(1)))
                .body("nextCursor", nullValue());
    }

    @Test
    void deletingAPolicyRemovesIt() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        admin(tenant).delete(POLICIES + "/" + id).then().statusCode(204);
        admin(tenant).get(POLICIES + "/" + id).then().spec(Problems.notFound());
    }

    @Test
    void anotherTenantsPolicyIsNotFound() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        UUID other = UUID.randomUUID();
        admin(other).get(POLICIES + "/" + id).then().spec(Problems.notFound());
        admin(other).header("If-Match", "\"1\"").body(policy("p", "r", "deny", ANY, ANY, null)).put(POLICIES + "/" + id)
                .then().spec(Problems.notFound());
        admin(other).get(POLICIES + "/" + id + "/versions").then().spec(Problems.notFound());
        admin(other).post(POLICIES + "/" + id + "/versions/1/activate").then().spec(Problems.notFound());
        admin(other).delete(POLICIES + "/" + id).then().spec(Problems.notFound());
        admin(tenant).get(POLICIES + "/" + id).then().statusCode(200);
    }

    @Test
    void anotherTenantsPolicyChangedWithoutIfMatchIsNotFound() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        admin(UUID.randomUUID()).body(policy("p", "r", "deny", ANY, ANY, null)).put(POLICIES + "/" + id)
                .then().spec(Problems.notFound());
        admin(UUID.randomUUID()).body(policy("p", "r", "deny", ANY, ANY, null)).put(POLICIES + "/" + UUID.randomUUID())
                .then().spec(Problems.notFound());
    }

    @Test
    void servicesReadPolicies() {
        String id = create(tenant, policy("p", "r", "allow", ANY, ANY, null));
        service(tenant).get(POLICIES + "/" + id).then().statusCode(200).header("ETag", is("\"1\""));
    }

    @Test
    void onlyAdminsWritePolicies() {
        as(tenant, "service").body(policy("p", "r", "allow", ANY, ANY, null)).post(POLICIES).then().spec(Problems.forbidden());
        as(tenant, "member").body(policy("p", "r", "allow", ANY, ANY, null)).post(POLICIES).then().spec(Problems.forbidden());
    }

    @Test
    void membersAndViewersCannotReadPolicies() {
        as(tenant, "member").get(POLICIES).then().spec(Problems.forbidden());
        as(tenant, "viewer").get(POLICIES).then().spec(Problems.forbidden());
    }

    @Test
    void aMalformedPolicyIdIsABadRequest() {
        admin(tenant).get(POLICIES + "/not-a-uuid").then()
                .spec(Problems.validationFailed())
                .body("detail", endsWith("is not a valid id (a UUID)"));
    }

    private static String ruleWith(String id, String condition) {
        return dev.flotilla.policy.Api.rule(id, "allow", ANY, ANY, condition);
    }
}
