package dev.flotilla.policy.log;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import dev.flotilla.policy.OnVertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.policy.Api.admin;
import static dev.flotilla.policy.Api.as;
import static dev.flotilla.policy.Api.decide;
import static dev.flotilla.policy.Api.eventually;
import static dev.flotilla.policy.Api.question;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class DecisionLogApiTest {

    private static final String LOGS = "/api/v1/decision-logs";

    private final UUID tenant = UUID.randomUUID();

    @Inject
    DecisionLogRepository entries;

    @Inject
    PolicySetRepository policySets;

    @Inject
    DecisionLogRetention retention;

    @Inject
    OnVertx vertx;

    private Integer logged(int count, Map<String, ?> filter) {
        List<?> items = admin(tenant).queryParams(filter).get(LOGS).then().statusCode(200).extract().path("items");
        return items.size() >= count ? items.size() : null;
    }

    @Test
    void aDeniedDecisionIsLoggedWithInputResultVersionsAndLatency() {
        decide(tenant, question("intruder", "[]", "delete", "conversation", "c1", "{\"ownerId\": \"x\"}"));
        eventually(Duration.ofSeconds(5), () -> logged(1, Map.of()));
        admin(tenant).get(LOGS).then()
                .statusCode(200)
                .body("items[0].input.subject.id", is("intruder"))
                .body("items[0].input.resource.attributes.ownerId", is("x"))
                .body("items[0].result.decision", is("DENY"))
                .body("items[0].policyVersions.size()", is(1))
                .body("items[0].evaluationMicros", greaterThanOrEqualTo(0))
                .body("items[0].createdAt", notNullValue());
    }

    @Test
    void theLogIsFilteredByDecisionAndSubject() {
        decide(tenant, question("alice", "[\"admin\"]", "read", "doc", "1", "{}"));
        decide(tenant, question("bob", "[]", "read", "doc", "1", "{}"));
        eventually(Duration.ofSeconds(5), () -> logged(2, Map.of()));
        admin(tenant).queryParam("decision", "DENY").get(LOGS).then()
                .body("items.input.subject.id", is(List.of("bob")));
        admin(tenant).queryParam("subjectId", "alice").get(LOGS).then()
                .body("items.result.decision", is(List.of("ALLOW")));
    }

    @Test
    void theLogPagesNewestFirst() {
        for (int i = 0; i < 3; i++) {
            decide(tenant, question("s" + i, "[]", "read", "doc", "1", "{}"));
        }
        eventually(Duration.ofSeconds(5), () -> logged(3, Map.of()));
        String cursor = admin(tenant).queryParam("limit", 2).get(LOGS).then()
                .body("items.input.subject.id", is(List.of("s2", "s1")))
                .extract().path("nextCursor");
        admin(tenant).queryParam("limit", 2).queryParam("cursor", cursor).get(LOGS).then()
                .body("items.input.subject.id", is(List.of("s0")))
                .body("nextCursor", nullValue());
    }

    @Test
    void anotherTenantsDecisionsAreNotListed() {
        decide(tenant, question("mine", "[]", "read", "doc", "1", "{}"));
        eventually(Duration.ofSeconds(5), () -> logged(1, Map.of()));
        admin(UUID.randomUUID()).get(LOGS).then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void aMalformedTimeFilterIsABadRequest() {
        admin(tenant).queryParam("from", "yesterday").get(LOGS).then().statusCode(400).body("errors[0].field", is("from"));
    }

    @Test
    void onlyAdminsReadTheLog() {
        as(tenant, "service").get(LOGS).then().statusCode(403);
    }

    @Test
    void retentionDeletesEntriesOlderThanTheRetentionPeriod() {
        DecisionLogEntry old = entry(Instant.now().minus(Duration.ofDays(31)));
        DecisionLogEntry recent = entry(Instant.now().minus(Duration.ofDays(1)));
        vertx.run(() -> Panache.withTransaction(() -> entries.persist(List.of(old, recent))));
        vertx.run(() -> retention.purge());
        assertNull(vertx.run(() -> Panache.withSession(() -> entries.findById(old.id))));
        assertEquals(recent.id, vertx.run(() -> Panache.withSession(() -> entries.findById(recent.id))).id);
    }

    @Test
    void decisionsUnderTheSamePolicyVersionsShareOneStoredPolicySet() {
        for (int i = 0; i < 3; i++) {
            decide(tenant, question("s" + i, "[]", "read", "doc", "1", "{}"));
        }
        eventually(Duration.ofSeconds(5), () -> logged(3, Map.of()));
        assertEquals(1L, vertx.run(() -> Panache.withSession(() -> policySets.count("tenantId", tenant))));
        admin(tenant).get(LOGS).then().body("items.collect { it.policyVersions.size() }", is(List.of(1, 1, 1)));
    }

    @Test
    void entriesWrittenWithTheirVersionsInlineAreStillListed() {
        DecisionLogEntry inline = entry(Instant.now());
        inline.policyVersions = Map.of("a-policy", 3);
        vertx.run(() -> Panache.withTransaction(() -> entries.persist(inline)));
        admin(tenant).get(LOGS).then().statusCode(200).body("items[0].policyVersions.a-policy", is(3));
    }

    @Test
    void retentionDeletesPolicySetsNoEntryUsedWithinTheRetentionPeriod() {
        PolicySet unused = policySet(Instant.now().minus(Duration.ofDays(31)));
        PolicySet used = policySet(Instant.now().minus(Duration.ofDays(1)));
        vertx.run(() -> Panache.withTransaction(() -> policySets.persist(List.of(unused, used))));
        vertx.run(() -> retention.purge());
        assertNull(vertx.run(() -> Panache.withSession(() -> policySets.findById(unused.id))));
        assertEquals(used.id, vertx.run(() -> Panache.withSession(() -> policySets.findById(used.id))).id);
    }

    private PolicySet policySet(Instant lastUsed) {
        PolicySet set = new PolicySet();
        set.id = UUID.randomUUID();
        set.tenantId = tenant;
        set.versions = Map.of("a-policy", 1);
        set.lastUsedAt = lastUsed;
        return set;
    }

    private DecisionLogEntry entry(Instant at) {
        DecisionLogEntry entry = new DecisionLogEntry();
        entry.id = UUID.randomUUID();
        entry.tenantId = tenant;
        entry.createdAt = at;
        entry.decision = "DENY";
        entry.subjectId = "s";
        entry.action = "read";
        entry.resourceType = "doc";
        entry.resourceId = "1";
        entry.input = Map.of("action", "read");
        entry.result = Map.of("decision", "DENY");
        entry.policyVersions = Map.of();
        entry.evaluationMicros = 1;
        return entry;
    }
}
