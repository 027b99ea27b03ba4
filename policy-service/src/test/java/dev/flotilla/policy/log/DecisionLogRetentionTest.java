package dev.flotilla.policy.log;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.flotilla.policy.log.StoredEntries.entry;
import static dev.flotilla.policy.log.StoredEntries.policySet;

/** The retention job: what it deletes, and what it keeps. */
@QuarkusTest
class DecisionLogRetentionTest {

    private final UUID tenant = UUID.randomUUID();

    @Inject
    DecisionLogRepository entries;

    @Inject
    PolicySetRepository policySets;

    @Inject
    DecisionLogRetention retention;

    @Test
    @RunOnVertxContext
    void retentionDeletesEntriesOlderThanTheRetentionPeriod(UniAsserter asserter) {
        DecisionLogEntry old = entry(tenant, Instant.now().minus(Duration.ofDays(31)));
        DecisionLogEntry recent = entry(tenant, Instant.now().minus(Duration.ofDays(1)));
        asserter.execute(() -> Panache.withTransaction(() -> entries.persist(List.of(old, recent))));
        asserter.execute(() -> retention.purge());
        asserter.assertNull(() -> Panache.withSession(() -> entries.findById(old.id)));
        asserter.assertEquals(() -> Panache.withSession(() -> entries.findById(recent.id)).map(found -> found.id), recent.id);
    }

    @Test
    @RunOnVertxContext
    void retentionDeletesPolicySetsNoEntryUsedWithinTheRetentionPeriod(UniAsserter asserter) {
        PolicySet unused = policySet(tenant, Instant.now().minus(Duration.ofDays(31)));
        PolicySet used = policySet(tenant, Instant.now().minus(Duration.ofDays(1)));
        asserter.execute(() -> Panache.withTransaction(() -> policySets.persist(List.of(unused, used))));
        asserter.execute(() -> retention.purge());
        asserter.assertNull(() -> Panache.withSession(() -> policySets.findById(unused.id)));
        asserter.assertEquals(() -> Panache.withSession(() -> policySets.findById(used.id)).map(found -> found.id), used.id);
    }
}
