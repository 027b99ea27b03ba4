package dev.flotilla.search.document;

import dev.flotilla.search.collection.Collection;
import dev.flotilla.search.collection.CollectionDraft;
import dev.flotilla.search.collection.CollectionService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The collection statistics BM25 relies on, as document writes leave them: the API shows only the
 * document count, not the token totals or the index version the posting cache goes by.
 */
@QuarkusTest
class DocumentServiceTest {

    private final UUID tenant = UUID.randomUUID();

    @Inject
    CollectionService collections;

    @Inject
    DocumentService documents;

    @Test
    @RunOnVertxContext
    void aNewDocumentAddsItsIndexedTokens(UniAsserter asserter) {
        asserter.assertThat(() -> collection().chain(c -> put(c, "a", "Stone bridge", "The river runs under the bridge.")
                .chain(() -> collections.get(tenant, c.id()))),
                c -> {
                    assertEquals(1, c.documentCount());
                    assertEquals(2, c.titleTokens());
                    assertEquals(4, c.bodyTokens());
                });
    }

    @Test
    @RunOnVertxContext
    void replacingADocumentCountsTheTokensOfTheNewVersionOnly(UniAsserter asserter) {
        asserter.assertThat(() -> collection().chain(c -> put(c, "a", "Stone bridge", "over the river")
                .chain(() -> put(c, "a", "Bridge", "a river, a stone, a meadow"))
                .chain(() -> collections.get(tenant, c.id()))),
                c -> {
                    assertEquals(1, c.documentCount());
                    assertEquals(1, c.titleTokens());
                    assertEquals(3, c.bodyTokens());
                });
    }

    @Test
    @RunOnVertxContext
    void deletingEveryDocumentBringsTheStatisticsBackToZero(UniAsserter asserter) {
        asserter.assertThat(() -> collection().chain(c -> put(c, "a", "Stone bridge", "over the river")
                .chain(() -> put(c, "b", "Meadow", "green grass"))
                .chain(() -> documents.delete(tenant, c.id(), "a"))
                .chain(() -> documents.delete(tenant, c.id(), "b"))
                .chain(() -> collections.get(tenant, c.id()))),
                c -> {
                    assertEquals(0, c.documentCount());
                    assertEquals(0, c.titleTokens());
                    assertEquals(0, c.bodyTokens());
                });
    }

    @Test
    @RunOnVertxContext
    void everyWriteRaisesTheIndexVersion(UniAsserter asserter) {
        asserter.assertThat(() -> collection().chain(c -> put(c, "a", "Stone", "river")
                .chain(() -> put(c, "a", "Stone", "lake"))
                .chain(() -> documents.delete(tenant, c.id(), "a"))
                .chain(() -> collections.get(tenant, c.id()))),
                c -> assertEquals(3, c.indexVersion()));
    }

    private Uni<Collection> collection() {
        return collections.create(tenant, new CollectionDraft("c-" + UUID.randomUUID(), null, null));
    }

    private Uni<DocumentService.Upserted> put(Collection collection, String id, String title, String body) {
        return documents.upsert(tenant, collection.id(),
                documents.check(id, new DocumentInput(id, title, body, null, null, null)));
    }
}
