package dev.flotilla.policy.log;

import dev.flotilla.common.id.Ids;
import dev.flotilla.policy.evaluation.Decision;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.flotilla.policy.log.StoredEntries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The decision log's queries: each filter, the keyset page and the most recent entries. */
@QuarkusTest
class DecisionLogRepositoryTest {

    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final DecisionLogFilter EVERYTHING = new DecisionLogFilter(null, null, null, null, null, null, null);

    private final UUID tenant = UUID.randomUUID();

    @Inject
    DecisionLogRepository entries;

    /** Three entries an hour apart, oldest first: alice reads doc:1, bob is denied note:2, carol writes doc:3. */
    private List<DecisionLogEntry> threeEntries() {
        DecisionLogEntry alice = entry(tenant, NOON.minusSeconds(7200));
        alice.decision = Decision.ALLOW.name();
        alice.subjectId = "alice";
        DecisionLogEntry bob = entry(tenant, NOON.minusSeconds(3600));
        bob.subjectId = "bob";
        bob.resourceType = "note";
        bob.resourceId = "2";
        DecisionLogEntry carol = entry(tenant, NOON);
        carol.decision = Decision.ALLOW.name();
        carol.subjectId = "carol";
        carol.action = "write";
        carol.resourceId = "3";
        // Ids are time-ordered, as the service makes them: the page's keyset follows them.
        alice.id = Ids.next();
        bob.id = Ids.next();
        carol.id = Ids.next();
        return List.of(alice, bob, carol);
    }

    private void assertSubjects(UniAsserter asserter, DecisionLogFilter filter, List<String> subjects) {
        asserter.assertThat(() -> Panache.withSession(() -> entries.page(tenant, filter, null, 10)),
                page -> assertEquals(subjects, page.stream().map(e -> e.subjectId).toList(), filter.toString()));
    }

    @Test
    @RunOnVertxContext
    void eachFilterNarrowsTheLog(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> entries.persist(threeEntries())));
        assertSubjects(asserter, EVERYTHING, List.of("carol", "bob", "alice"));
        assertSubjects(asserter, new DecisionLogFilter(Decision.ALLOW, null, null, null, null, null, null),
                List.of("carol", "alice"));
        assertSubjects(asserter, new DecisionLogFilter(null, "write", null, null, null, null, null), List.of("carol"));
        assertSubjects(asserter, new DecisionLogFilter(null, null, "bob", null, null, null, null), List.of("bob"));
        assertSubjects(asserter, new DecisionLogFilter(null, null, null, "doc", null, null, null), List.of("carol", "alice"));
        assertSubjects(asserter, new DecisionLogFilter(null, null, null, null, "2", null, null), List.of("bob"));
    }

    @Test
    @RunOnVertxContext
    void fromIsInclusiveAndToExclusive(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> entries.persist(threeEntries())));
        assertSubjects(asserter, new DecisionLogFilter(null, null, null, null, null, NOON.minusSeconds(3600), NOON),
                List.of("bob"));
    }

    @Test
    @RunOnVertxContext
    void aPageStartsBelowItsCursor(UniAsserter asserter) {
        List<DecisionLogEntry> three = threeEntries();
        asserter.execute(() -> Panache.withTransaction(() -> entries.persist(three)));
        asserter.assertThat(() -> Panache.withSession(() -> entries.page(tenant, EVERYTHING, three.get(2).id, 1)),
                page -> assertEquals(List.of("bob"), page.stream().map(e -> e.subjectId).toList()));
    }

    @Test
    @RunOnVertxContext
    void recentListsTheNewestEntriesUpToTheLimit(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> entries.persist(threeEntries())));
        asserter.assertThat(() -> Panache.withSession(() -> entries.recent(tenant, 2)),
                recent -> assertEquals(List.of("carol", "bob"), recent.stream().map(e -> e.subjectId).toList()));
    }

    @Test
    @RunOnVertxContext
    void anotherTenantsEntriesAreNotListed(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> entries.persist(threeEntries())));
        asserter.assertThat(() -> Panache.withSession(() -> entries.page(UUID.randomUUID(), EVERYTHING, null, 10)),
                page -> assertEquals(List.of(), page));
        asserter.assertThat(() -> Panache.withSession(() -> entries.recent(UUID.randomUUID(), 10)),
                recent -> assertEquals(List.of(), recent));
    }
}
