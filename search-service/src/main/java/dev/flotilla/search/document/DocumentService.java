package dev.flotilla.search.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.search.analysis.Analyzers;
import dev.flotilla.search.analysis.TextAnalyzer;
import dev.flotilla.search.collection.Collection;
import dev.flotilla.search.collection.CollectionService;
import dev.flotilla.search.config.SearchConfig;
import dev.flotilla.search.index.AnalyzedDocument;
import dev.flotilla.search.index.IndexEntry;
import dev.flotilla.search.index.IndexWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Documents of a collection: upsert (analysed off the event loop, then written with their index
 * entries in one transaction), read, delete, list and export. Writers of one collection share its
 * lock and run concurrently; the collection statistics BM25 relies on stay exact (see {@link IndexWriter}).
 */
@ApplicationScoped
public class DocumentService {

    private static final int EXPORT_PAGE = 500;

    private final Pool pool;
    private final CollectionService collections;
    private final DocumentRepository documents;
    private final IndexWriter writer;
    private final Analyzers analyzers;
    private final SearchConfig config;

    DocumentService(Pool pool, CollectionService collections, DocumentRepository documents, IndexWriter writer,
            Analyzers analyzers, SearchConfig config) {
        this.pool = pool;
        this.collections = collections;
        this.documents = documents;
        this.writer = writer;
        this.analyzers = analyzers;
        this.config = config;
    }

    /** The stored document and whether it was created (rather than replaced). */
    public record Upserted(Document document, boolean created) {
    }

    public DocumentContent check(String id, DocumentInput input) {
        return DocumentContent.of(id, input, config.ingest().maxBodyLength());
    }

    public Uni<Upserted> upsert(UUID tenant, UUID collection, DocumentContent content) {
        return collections.get(tenant, collection)
                .chain(c -> analyse(c, List.of(content)))
                .chain(entries -> pool.withTransaction(db -> collections.lockForDocuments(db, tenant, collection)
                        .chain(locked -> writer.write(db, locked, entries))
                        .chain(written -> documents.find(db, tenant, collection, content.id())
                                .map(d -> new Upserted(d, written.created().contains(content.id()))))));
    }

    /**
     * Analyses a batch on the calling thread, which must be a worker thread: the CPU half of a
     * bulk import, which can run while the previous batch is being written.
     */
    public List<IndexEntry> analyseNow(Collection collection, List<DocumentContent> contents) {
        TextAnalyzer analyzer = analyzers.of(collection.settings().language());
        return contents.stream()
                .map(c -> new IndexEntry(c.id(), c.title(), c.body(), c.tags(), c.metadata().toString(), c.source(),
                        AnalyzedDocument.of(analyzer, c.title(), c.body())))
                .toList();
    }

    /** Writes analysed documents in one transaction; the number of documents written. */
    public Uni<Integer> write(UUID tenant, Collection collection, List<IndexEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(db -> collections.lockForDocuments(db, tenant, collection.id())
                .chain(locked -> writer.write(db, locked, entries)))
                .replaceWith(entries.size());
    }

    public Uni<Document> get(UUID tenant, UUID collection, String id) {
        DocumentContent.requireId(id);
        return collections.get(tenant, collection)
                .chain(() -> documents.find(pool, tenant, collection, id))
                .onItem().ifNull().failWith(() -> new NotFound("document", id));
    }

    public Uni<Void> delete(UUID tenant, UUID collection, String id) {
        DocumentContent.requireId(id);
        return pool.withTransaction(db -> collections.lockForDocuments(db, tenant, collection)
                .chain(locked -> writer.delete(db, locked, id))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw new NotFound("document", id);
                    }
                })).replaceWithVoid();
    }

    public Uni<Page<Document>> list(UUID tenant, UUID collection, PageParams page, JsonNode filter, List<String> tags) {
        MetadataFilter metadata = MetadataFilter.parse(filter);
        String after = page.after() == null ? null : page.after().key(0, 1);
        return collections.get(tenant, collection)
                .chain(() -> documents.page(pool, tenant, collection, after, page.limit() + 1, metadata, tags, false))
                .map(rows -> Page.fromOverfetch(rows, page.limit(), d -> Cursor.of(d.id())));
    }

    /** Every document of the collection in id order, read page by page as the client consumes them. */
    public Multi<Document> export(UUID tenant, UUID collection) {
        AtomicReference<String> after = new AtomicReference<>();
        return Multi.createBy().repeating()
                .uni(() -> documents
                        .page(pool, tenant, collection, after.get(), EXPORT_PAGE, MetadataFilter.NONE, List.of(), true)
                        .invoke(page -> {
                            if (!page.isEmpty()) {
                                after.set(page.get(page.size() - 1).id());
                            }
                        }))
                .until(List::isEmpty)
                .onItem().disjoint();
    }

    /** Analysis is CPU work: it runs on a worker thread, never on the event loop. */
    private Uni<List<IndexEntry>> analyse(Collection collection, List<DocumentContent> contents) {
        return Uni.createFrom().item(() -> analyseNow(collection, contents))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
