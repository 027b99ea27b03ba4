package dev.flotilla.search.collection;

import dev.flotilla.search.analysis.Language;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** SQL over collections; every statement is scoped to a tenant. */
@ApplicationScoped
class CollectionRepository {

    private static final String COLUMNS = "id, tenant_id, name, description, language, title_weight, body_weight, chunk_size, "
            + "chunk_overlap, doc_count, title_tokens, body_tokens, index_version, created_at, updated_at";

    Uni<Collection> find(SqlClient db, UUID tenant, UUID id) {
        return one(db, "SELECT " + COLUMNS + " FROM collections WHERE tenant_id = $1 AND id = $2", tenant, id);
    }

    /** The collection, locked until the transaction ends against every other lock: for changing or deleting it. */
    Uni<Collection> lock(SqlClient db, UUID tenant, UUID id) {
        return one(db, "SELECT " + COLUMNS + " FROM collections WHERE tenant_id = $1 AND id = $2 FOR UPDATE", tenant, id);
    }

    /**
     * The collection, locked until the transaction ends against {@link #lock} but not against other writers of its
     * documents, nor against their updates of its statistics.
     */
    Uni<Collection> lockForDocuments(SqlClient db, UUID tenant, UUID id) {
        return one(db, "SELECT " + COLUMNS + " FROM collections WHERE tenant_id = $1 AND id = $2 FOR KEY SHARE", tenant, id);
    }

    Uni<List<Collection>> page(SqlClient db, UUID tenant, UUID after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM collections WHERE tenant_id = $1"
                + (after == null ? "" : " AND id > $3") + " ORDER BY id LIMIT $2";
        Tuple args = after == null ? Tuple.of(tenant, limit) : Tuple.of(tenant, limit, after);
        return db.preparedQuery(sql).execute(args).map(CollectionRepository::all);
    }

    Uni<Void> insert(SqlClient db, Collection c) {
        return db
                .preparedQuery("INSERT INTO collections (" + COLUMNS
                        + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 0, 0, 0, $10, $11)")
                .execute(Tuple.from(Arrays.asList(c.id(), c.tenantId(), c.name(), c.description(),
                        c.settings().language().code(),
                        c.settings().fieldWeights().title(), c.settings().fieldWeights().body(), c.settings().chunkSize(),
                        c.settings().chunkOverlap(), utc(c.createdAt()), utc(c.updatedAt()))))
                .replaceWithVoid();
    }

    Uni<Void> update(SqlClient db, Collection c) {
        return db.preparedQuery("UPDATE collections SET name = $3, description = $4, language = $5, title_weight = $6, "
                + "body_weight = $7, chunk_size = $8, chunk_overlap = $9, updated_at = $10 WHERE tenant_id = $1 AND id = $2")
                .execute(Tuple.from(Arrays.asList(c.tenantId(), c.id(), c.name(), c.description(),
                        c.settings().language().code(),
                        c.settings().fieldWeights().title(), c.settings().fieldWeights().body(), c.settings().chunkSize(),
                        c.settings().chunkOverlap(), utc(c.updatedAt()))))
                .replaceWithVoid();
    }

    /**
     * Deletes the collection with its documents and postings (which have no foreign key, see the V2 migration).
     * The caller has locked the collection as the tenant's, so its postings (which carry no tenant) are the tenant's.
     */
    Uni<Void> delete(SqlClient db, UUID tenant, UUID id) {
        return db.preparedQuery("DELETE FROM postings WHERE collection_id = $1")
                .execute(Tuple.of(id))
                .chain(() -> db.preparedQuery("DELETE FROM collections WHERE tenant_id = $1 AND id = $2")
                        .execute(Tuple.of(tenant, id)))
                .replaceWithVoid();
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Uni<Collection> one(SqlClient db, String sql, UUID tenant, UUID id) {
        return db.preparedQuery(sql).execute(Tuple.of(tenant, id)).map(rows -> {
            List<Collection> all = all(rows);
            return all.isEmpty() ? null : all.get(0);
        });
    }

    private static List<Collection> all(RowSet<Row> rows) {
        List<Collection> result = new ArrayList<>();
        for (Row row : rows) {
            result.add(new Collection(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("name"),
                    row.getString("description"),
                    new CollectionSettings(Language.of(row.getString("language")),
                            new FieldWeights(row.getDouble("title_weight"), row.getDouble("body_weight")),
                            row.getInteger("chunk_size"), row.getInteger("chunk_overlap")),
                    row.getLong("doc_count"), row.getLong("title_tokens"), row.getLong("body_tokens"),
                    row.getLong("index_version"),
                    row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant()));
        }
        return result;
    }
}
