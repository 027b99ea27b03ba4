package dev.flotilla.search.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL reading a collection's vocabulary (the distinct words of its documents, each with its term and
 * the number of documents holding it): words by prefix for expansions and completions, close
 * spellings for typo correction. Every statement is scoped to a tenant and a collection.
 */
@ApplicationScoped
class VocabularyRepository {

    /** A known vocabulary word: its term and how many documents hold it. */
    record Known(String word, String term, long df) {
    }

    /**
     * For each of {@code words}, at most {@code limit} known words at most two edits away (one for words of up
     * to four letters) and similar by trigrams, the closest first; by the word typed.
     */
    Uni<Map<String, List<Known>>> corrections(SqlClient db, UUID tenant, UUID collection, Collection<String> words, int limit) {
        return db.preparedQuery("""
                SELECT q.word AS typed, v.word, v.term, v.df FROM unnest($3::text[]) AS q(word)
                CROSS JOIN LATERAL (
                    SELECT word, term, df FROM vocabulary
                    WHERE tenant_id = $1 AND collection_id = $2 AND word % q.word
                      AND levenshtein(word, q.word) <= CASE WHEN length(q.word) <= 4 THEN 1 ELSE 2 END
                    ORDER BY levenshtein(word, q.word), similarity(word, q.word) DESC, df DESC
                    LIMIT $4) v""")
                .execute(Tuple.of(tenant, collection, words.toArray(String[]::new), limit))
                .map(rows -> group(rows, "typed"));
    }

    /** For each of {@code prefixes}, at most {@code limit} known words starting with it, the most frequent first; by prefix. */
    Uni<Map<String, List<Known>>> expansions(SqlClient db, UUID tenant, UUID collection, List<String> prefixes, int limit) {
        return db.preparedQuery("""
                SELECT q.prefix, v.word, v.term, v.df FROM unnest($3::text[]) AS q(prefix)
                CROSS JOIN LATERAL (
                    SELECT word, term, df FROM vocabulary
                    WHERE tenant_id = $1 AND collection_id = $2
                      AND word >= q.prefix AND word < q.prefix || chr(1114111)
                    ORDER BY df DESC, word LIMIT $4) v""")
                .execute(Tuple.of(tenant, collection, prefixes.toArray(String[]::new), limit))
                .map(rows -> group(rows, "prefix"));
    }

    /** At most {@code limit} words starting with {@code prefix}, the most frequent first, with their document counts. */
    Uni<Map<String, Long>> startingWith(SqlClient db, UUID tenant, UUID collection, String prefix, int limit) {
        return db.preparedQuery("SELECT word, df FROM vocabulary WHERE tenant_id = $1 AND collection_id = $2 "
                + "AND word >= $3 AND word < $3 || chr(1114111) ORDER BY df DESC, word LIMIT $4")
                .execute(Tuple.of(tenant, collection, prefix, limit))
                .map(VocabularyRepository::counts);
    }

    /** At most {@code limit} words similar to {@code word} by trigrams, the most similar first, with their document counts. */
    Uni<Map<String, Long>> similarTo(SqlClient db, UUID tenant, UUID collection, String word, int limit) {
        return db.preparedQuery("SELECT word, df FROM vocabulary WHERE tenant_id = $1 AND collection_id = $2 "
                + "AND word % $3 ORDER BY similarity(word, $3) DESC, df DESC LIMIT $4")
                .execute(Tuple.of(tenant, collection, word, limit))
                .map(VocabularyRepository::counts);
    }

    private static Map<String, List<Known>> group(RowSet<Row> rows, String key) {
        Map<String, List<Known>> result = new HashMap<>();
        for (Row row : rows) {
            result.computeIfAbsent(row.getString(key), k -> new ArrayList<>())
                    .add(new Known(row.getString("word"), row.getString("term"), row.getInteger("df")));
        }
        return result;
    }

    /** Words and their document counts, in the order of the rows. */
    private static Map<String, Long> counts(RowSet<Row> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(row.getString("word"), (long) row.getInteger("df")));
        return counts;
    }
}
