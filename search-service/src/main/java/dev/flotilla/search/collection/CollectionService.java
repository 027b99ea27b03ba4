package dev.flotilla.search.collection;

import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Collections of a tenant: create, read, change settings, delete (with all their documents).
 * The language decides how text is indexed, so it can change only while the collection is empty;
 * field weights and chunking apply at query time and can change whenever.
 */
@ApplicationScoped
public class CollectionService {

    private final Pool pool;
    private final CollectionRepository collections;

    CollectionService(Pool pool, CollectionRepository collections) {
        this.pool = pool;
        this.collections = collections;
    }

    public Uni<Collection> create(UUID tenant, CollectionDraft draft) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Collection collection = new Collection(Ids.next(), tenant, draft.name().strip(), draft.description(),
                CollectionSettings.DEFAULTS.with(draft.settings()), 0, 0, 0, 0, now, now);
        return collections.insert(pool, collection)
                .onFailure(SqlResults::isUniqueViolation).transform(e -> duplicate(collection.name()))
                .replaceWith(collection);
    }

    public Uni<Collection> get(UUID tenant, UUID id) {
        return require(pool, tenant, id);
    }

    /** The collection, or a 404 (also for another tenant's collection). */
    public Uni<Collection> require(SqlClient db, UUID tenant, UUID id) {
        return collections.find(db, tenant, id).onItem().ifNull().failWith(() -> new NotFound("collection", id));
    }

    /**
     * The collection locked for writing its documents in the transaction of {@code db}, or a 404: writers of its
     * documents run concurrently; a change of its settings or its deletion waits for them.
     */
    public Uni<Collection> lockForDocuments(SqlClient db, UUID tenant, UUID id) {
        return collections.lockForDocuments(db, tenant, id).onItem().ifNull().failWith(() -> new NotFound("collection", id));
    }

    public Uni<Page<Collection>> list(UUID tenant, PageParams page) {
        UUID after = page.after() == null ? null : page.after().id();
        return collections.page(pool, tenant, after, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), c -> Cursor.of(c.id())));
    }

    public Uni<Collection> update(UUID tenant, UUID id, CollectionPatch patch) {
        return pool.withTransaction(db -> lock(db, tenant, id).chain(current -> {
            CollectionSettings settings = current.settings().with(patch.settings());
            if (settings.language() != current.settings().language() && current.documentCount() > 0) {
                throw new Conflict("The language of a collection can change only while it holds no documents");
            }
            Collection changed = new Collection(current.id(), tenant,
                    patch.name() == null ? current.name() : patch.name().strip(),
                    patch.description() == null ? current.description() : patch.description(),
                    settings, current.documentCount(), current.titleTokens(), current.bodyTokens(), current.indexVersion(),
                    current.createdAt(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            return collections.update(db, changed).replaceWith(changed);
        })).onFailure(SqlResults::isUniqueViolation).transform(e -> duplicate(patch.name()));
    }

    public Uni<Void> delete(UUID tenant, UUID id) {
        // The lock waits for running writers, so none adds postings after they are deleted.
        return pool.withTransaction(db -> lock(db, tenant, id).chain(() -> collections.delete(db, tenant, id)))
                .replaceWithVoid();
    }

    /** The collection locked for changing or deleting it in the transaction of {@code db}, or a 404. */
    private Uni<Collection> lock(SqlClient db, UUID tenant, UUID id) {
        return collections.lock(db, tenant, id).onItem().ifNull().failWith(() -> new NotFound("collection", id));
    }

    private static Conflict duplicate(String name) {
        return new Conflict("A collection named '" + name + "' already exists");
    }
}
