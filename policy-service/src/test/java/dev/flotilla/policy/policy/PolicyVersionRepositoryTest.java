package dev.flotilla.policy.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The queries over policy versions that the decision cache and the versions list rely on. */
@QuarkusTest
class PolicyVersionRepositoryTest {

    private final UUID tenant = UUID.randomUUID();

    @Inject
    PolicyRepository policies;

    @Inject
    PolicyVersionRepository versions;

    @Test
    @RunOnVertxContext
    void activeListsTheVersionInForceOfEachOfTheTenantsPolicies(UniAsserter asserter) {
        Policy rolledBack = policy(tenant, "rolled-back", 2, 3);
        Policy single = policy(tenant, "single", 1, 1);
        Policy foreign = policy(UUID.randomUUID(), "foreign", 1, 1);
        asserter.execute(() -> store(rolledBack, single, foreign));
        asserter.assertThat(() -> Panache.withSession(() -> versions.active(tenant)), active -> assertEquals(
                Set.of(rolledBack.id + " v2", single.id + " v1"),
                active.stream().map(v -> v.policyId + " v" + v.version).collect(Collectors.toSet())));
    }

    @Test
    @RunOnVertxContext
    void versionsArePagedNewestFirstBelowTheCursor(UniAsserter asserter) {
        Policy policy = policy(tenant, "four-versions", 4, 4);
        asserter.execute(() -> store(policy));
        asserter.assertThat(() -> Panache.withSession(() -> versions.page(tenant, policy.id, null, 2)),
                page -> assertEquals(List.of(4, 3), page.stream().map(v -> v.version).toList()));
        asserter.assertThat(() -> Panache.withSession(() -> versions.page(tenant, policy.id, 3, 5)),
                page -> assertEquals(List.of(2, 1), page.stream().map(v -> v.version).toList()));
    }

    @Test
    @RunOnVertxContext
    void anotherTenantsVersionIsNotFound(UniAsserter asserter) {
        Policy policy = policy(tenant, "mine", 1, 1);
        asserter.execute(() -> store(policy));
        asserter.assertNull(() -> Panache.withSession(() -> versions.find(UUID.randomUUID(), policy.id, 1)));
        asserter.assertEquals(() -> Panache.withSession(() -> versions.find(tenant, policy.id, 1)).map(v -> v.version), 1);
    }

    /** A policy of {@code tenant} with versions 1 to {@code latest}, {@code active} in force. */
    private static Policy policy(UUID tenant, String name, int active, int latest) {
        Instant now = Instant.now();
        Policy policy = new Policy();
        policy.id = UUID.randomUUID();
        policy.tenantId = tenant;
        policy.name = name;
        policy.activeVersion = active;
        policy.latestVersion = latest;
        policy.revision = 1;
        policy.createdAt = now;
        policy.updatedAt = now;
        return policy;
    }

    /** Stores the policies, each with all of its versions. */
    private Uni<Void> store(Policy... stored) {
        List<PolicyVersion> all = new ArrayList<>();
        for (Policy policy : stored) {
            for (int number = 1; number <= policy.latestVersion; number++) {
                PolicyVersion version = new PolicyVersion();
                version.id = UUID.randomUUID();
                version.tenantId = policy.tenantId;
                version.policyId = policy.id;
                version.version = number;
                version.document = Map.of("rules", List.of());
                version.createdAt = policy.createdAt;
                version.createdBy = "test";
                all.add(version);
            }
        }
        return Panache.withTransaction(() -> policies.persist(List.of(stored)).chain(() -> versions.persist(all)));
    }
}
