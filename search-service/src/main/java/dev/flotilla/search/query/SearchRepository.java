package dev.flotilla.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the statements of a search ({@link SearchSql}) and reads the documents that ranking in memory
 * ({@link IndexRanker}) put on a page. A {@link SearchSql} binds the parameters of the statement it
 * writes, so each runs once.
 */
@ApplicationScoped
class SearchRepository {

    private final ObjectMapper json = new ObjectMapper();

    /** A page of ranked documents and the number of all matches (0 when the page is empty). */
    record Ranking(List<RankedDocument> page, long total) {
    }

    /** One page of the matches, best first, and the number of all matches. */
    Uni<Ranking> page(SqlClient db, SearchSql statement, int limit, int offset) {
        String text = statement.page(limit, offset);
        return db.preparedQuery(text).execute(statement.params().tuple()).map(rows -> {
            List<RankedDocument> page = documents(rows);
            return new Ranking(page, page.isEmpty() ? 0 : rows.iterator().next().getLong("total"));
        });
    }

    /** The number of matches. */
    Uni<Long> count(SqlClient db, SearchSql statement) {
        return total(db, statement.count(), statement);
    }

    /** For a query without positive clauses: one page of the matches in key order. */
    Uni<List<RankedDocument>> listing(SqlClient db, SearchSql statement, int limit, int offset) {
        String text = statement.listing(limit, offset);
        return db.preparedQuery(text).execute(statement.params().tuple()).map(this::documents);
    }

    /** For a query without positive clauses: the number of matches, counted up to {@code cap}. */
    Uni<Long> countUpTo(SqlClient db, SearchSql statement, int cap) {
        return total(db, statement.countUpTo(cap), statement);
    }

    /** The most frequent values of {@code field} among the matches, with their counts. */
    Uni<List<SearchResponse.FacetValue>> facet(SqlClient db, SearchSql statement, String field) {
        String text = statement.facet(field);
        return db.preparedQuery(text).execute(statement.params().tuple()).map(rows -> {
            List<SearchResponse.FacetValue> values = new ArrayList<>();
            rows.forEach(row -> values.add(new SearchResponse.FacetValue(row.getString("value"), row.getLong("count"))));
            return values;
        });
    }

    /**
     * The documents of {@code hits} with their scores, in the order of {@code hits}; a document deleted meanwhile is left out.
     */
    Uni<List<RankedDocument>> documents(SqlClient db, UUID tenant, UUID collection, List<IndexRanker.Hit> hits) {
        return db.preparedQuery("SELECT d.doc_key, d.id, d.title, d.body, d.metadata::text AS metadata FROM documents d "
                + "WHERE d.tenant_id = $1 AND d.collection_id = $2 AND d.doc_key = ANY($3)")
                .execute(Tuple.of(tenant, collection, hits.stream().map(IndexRanker.Hit::document).toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Row> byKey = new HashMap<>();
                    rows.forEach(row -> byKey.put(row.getLong("doc_key"), row));
                    List<RankedDocument> ranked = new ArrayList<>();
                    for (IndexRanker.Hit hit : hits) {
                        Row row = byKey.get(hit.document());
                        if (row != null) {
                            ranked.add(
                                    new RankedDocument(hit.document(), hit.score(), row.getString("id"), row.getString("title"),
                                            row.getString("body"), parse(row.getString("metadata"))));
                        }
                    }
                    return ranked;
                });
    }

    private Uni<Long> total(SqlClient db, String text, SearchSql statement) {
        return db.preparedQuery(text).execute(statement.params().tuple()).map(rows -> rows.iterator().next().getLong("total"));
    }

    private List<RankedDocument> documents(RowSet<Row> rows) {
        List<RankedDocument> ranked = new ArrayList<>();
        for (Row row : rows) {
            ranked.add(new RankedDocument(row.getLong("doc_key"), row.getDouble("score"), row.getString("id"),
                    row.getString("title"),
                    row.getString("body"), parse(row.getString("metadata"))));
        }
        return ranked;
    }

    private JsonNode parse(String metadata) {
        try {
            return json.readTree(metadata);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
