package dev.flotilla.search.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.search.db.SqlParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** SQL reading documents; every statement is scoped to a tenant and a collection. */
@ApplicationScoped
class DocumentRepository {

    static final String COLUMNS = "d.doc_key, d.id, d.title, d.body, d.tags, d.metadata::text AS metadata, d.source, d.created_at, d.updated_at";
    private static final ObjectMapper JSON = new ObjectMapper();

    Uni<Document> find(SqlClient db, UUID tenant, UUID collection, String id) {
        return db
                .preparedQuery(
                        "SELECT " + COLUMNS + " FROM documents d WHERE d.tenant_id = $1 AND d.collection_id = $2 AND d.id = $3")
                .execute(Tuple.of(tenant, collection, id))
                .map(rows -> {
                    List<Document> all = all(rows);
                    return all.isEmpty() ? null : all.get(0);
                });
    }

    /** One page in id order, after {@code after}, filtered by metadata and tags (all of them). */
    Uni<List<Document>> page(SqlClient db, UUID tenant, UUID collection, String after, int limit,
            MetadataFilter filter, List<String> tags, boolean withBody) {
        SqlParams params = new SqlParams(tenant, collection);
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(withBody ? COLUMNS : COLUMNS.replace("d.body", "'' AS body"))
                .append(" FROM documents d WHERE d.tenant_id = $1 AND d.collection_id = $2");
        if (after != null) {
            sql.append(" AND d.id > ").append(params.add(after));
        }
        sql.append(MetadataFilterSql.conditions(filter, "d.metadata", params));
        if (tags != null && !tags.isEmpty()) {
            sql.append(" AND d.tags @> ").append(params.add(tags.toArray(String[]::new))).append("::text[]");
        }
        sql.append(" ORDER BY d.id LIMIT ").append(params.add(limit));
        return db.preparedQuery(sql.toString()).execute(params.tuple()).map(DocumentRepository::all);
    }

    static List<Document> all(RowSet<Row> rows) {
        List<Document> result = new ArrayList<>();
        for (Row row : rows) {
            result.add(new Document(row.getLong("doc_key"), row.getString("id"), row.getString("title"), row.getString("body"),
                    Arrays.asList(row.getArrayOfStrings("tags")), parse(row.getString("metadata")), row.getString("source"),
                    row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant()));
        }
        return result;
    }

    static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
