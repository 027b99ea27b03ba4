package dev.flotilla.policy.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/** The claim that makes a tenant's default policy be created once, across replicas. */
@QuarkusTest
class TenantRepositoryTest {

    @Inject
    TenantRepository tenants;

    @Test
    @RunOnVertxContext
    void aTenantIsClaimedByTheFirstCallerOnly(UniAsserter asserter) {
        UUID tenant = UUID.randomUUID();
        asserter.assertTrue(() -> Panache.withTransaction(() -> tenants.claim(tenant)));
        asserter.assertFalse(() -> Panache.withTransaction(() -> tenants.claim(tenant)));
    }

    @Test
    @RunOnVertxContext
    void eachTenantIsClaimedOnItsOwn(UniAsserter asserter) {
        asserter.assertTrue(() -> Panache.withTransaction(() -> tenants.claim(UUID.randomUUID())));
        asserter.assertTrue(() -> Panache.withTransaction(() -> tenants.claim(UUID.randomUUID())));
    }
}
