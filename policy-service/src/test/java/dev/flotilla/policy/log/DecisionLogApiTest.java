package dev.flotilla.policy.log;

import dev.flotilla.testing.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.policy.Api.admin;
import static dev.flotilla.policy.Api.decide;
import static dev.flotilla.policy.Api.question;
import static dev.flotilla.policy.log.StoredEntries.entry;
import static dev.flotilla.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DecisionLogApiTest {

    private static final String LOGS = "/api/v1/decision-logs";
    private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(5);

    private final UUID tenant = UUID.randomUUID();

    @Inject
    DecisionLogRepository entries;

    @Inject
    PolicySetRepository policySets;

    /** How many entries the tenant's log lists now. */
    private int logged() {
        List<?> items = admin(tenant).get(LOGS).then().statusCode(200).extract().path("items");
        return items.size();
    }

    @Test
    void aDeniedDecisionIsLoggedWithInputResultVersionsAndLatency() {
        decide(tenant, question("intruder", "[]", "delete", "conversation", "c1", "{\"ownerId\": \"x\"}"));
        await().atMost(WRITTEN_WITHIN).until(this::logged, greaterThanOrEqualTo(1));
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
        await().atMost(WRITTEN_WITHIN).until(this::logged, greaterThanOrEqualTo(2));
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
        await().atMost(WRITTEN_WITHIN).until(this::logged, greaterThanOrEqualTo(3));
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
        await().atMost(WRITTEN_WITHIN).until(this::logged, greaterThanOrEqualTo(1));
        admin(UUID.randomUUID()).get(LOGS).then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void aMalformedTimeFilterIsABadRequest() {
        admin(tenant).queryParam("from", "yesterday").get(LOGS).then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("from"));
    }

    @Test
    void anUnknownDecisionFilterIsABadRequest() {
        admin(tenant).queryParam("decision", "maybe").get(LOGS).then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("decision"));
    }

    @Test
    void onlyAdminsReadTheLog() {
        as(tenant, "service").get(LOGS).then().spec(Problems.forbidden());
    }

    @Test
    void decisionsUnderTheSamePolicyVersionsShareOneStoredPolicySet() throws Throwable {
        for (int i = 0; i < 3; i++) {
            decide(tenant, question("s" + i, "[]", "read", "doc", "1", "{}"));
        }
        await().atMost(WRITTEN_WITHIN).until(this::logged, greaterThanOrEqualTo(3));
        assertEquals(1L,
                VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> policySets.count("tenantId", tenant))));
        admin(tenant).get(LOGS).then().body("items.collect { it.policyVersions.size() }", is(List.of(1, 1, 1)));
    }

    @Test
    void entriesWrittenWithTheirVersionsInlineAreStillListed() throws Throwable {
        DecisionLogEntry inline = entry(tenant, Instant.now());
        inline.policyVersions = Map.of("a-policy", 3);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> entries.persist(inline)));
        admin(tenant).get(LOGS).then().statusCode(200).body("items[0].policyVersions.a-policy", is(3));
    }
}
