package dev.flotilla.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL of the index: the document rows as the index writes them, their postings, the vocabulary's
 * document counts and a collection's statistics, each statement set-based over a whole batch and run
 * in the caller's transaction; and the posting lists ranking reads. What changes is decided by
 * {@link IndexWriter}, what is read by {@link PostingCache}.
 */
@ApplicationScoped
class IndexRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored version of a document, as far as unindexing it needs. */
    record Previous(long key, String title, String body, int titleLength, int bodyLength) {
    }

    /** Keys of the written documents by id, and the versions they replaced. */
    record Stored(Map<String, Long> keys, Map<String, Previous> previous) {
    }

    /** One posting to insert: a term of the document with key {@code key}, its statistics there and the document's analysis. */
    record Posting(String term, long key, AnalyzedDocument.TermStats stats, AnalyzedDocument document) {
    }

    /** A term's postings as stored, in document key order: document keys, term frequencies and field lengths. */
    record StoredPostings(Long[] documents, Integer[] tfTitle, Integer[] tfBody, Integer[] titleLength, Integer[] bodyLength) {
    }

    /** Inserts or replaces the documents of {@code entries}, in their order; their keys and the versions they replaced. */
    Uni<Stored> upsertDocuments(SqlClient db, UUID tenant, UUID collection, Collection<IndexEntry> entries) {
        int n = entries.size();
        String[] ids = new String[n], titles = new String[n], bodies = new String[n], tags = new String[n],
                metadata = new String[n],
                sources = new String[n];
        Integer[] titleLengths = new Integer[n], bodyLengths = new Integer[n];
        int i = 0;
        for (IndexEntry e : entries) {
            ids[i] = e.id();
            titles[i] = e.title();
            bodies[i] = e.body();
            tags[i] = json(e.tags());
            metadata[i] = e.metadataJson();
            sources[i] = e.source();
            titleLengths[i] = e.analysis().titleLength();
            bodyLengths[i] = e.analysis().bodyLength();
            i++;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // WITH ORDINALITY and ORDER BY: rows are inserted, and so locked, in id order.
        return db.preparedQuery("""
                INSERT INTO documents (tenant_id, collection_id, id, title, body, tags, metadata, source, title_len, body_len,
                                       created_at, updated_at)
                SELECT $1, $2, x.id, x.title, x.body, ARRAY(SELECT jsonb_array_elements_text(x.tags::jsonb)), x.metadata::jsonb,
                       x.source, x.tl, x.bl, $3, $3
                FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[])
                     WITH ORDINALITY AS x(id, title, body, tags, metadata, source, tl, bl, n)
                ORDER BY x.n
                ON CONFLICT (tenant_id, collection_id, id) DO UPDATE SET title = excluded.title, body = excluded.body,
                    tags = excluded.tags, metadata = excluded.metadata, source = excluded.source,
                    title_len = excluded.title_len, body_len = excluded.body_len, updated_at = excluded.updated_at
                RETURNING new.id, new.doc_key, old.doc_key AS old_key, old.title AS old_title, old.body AS old_body,
                    old.title_len AS old_title_len, old.body_len AS old_body_len""")
                .execute(Tuple.from(List.of(tenant, collection, now, ids, titles, bodies, tags, metadata, sources,
                        titleLengths, bodyLengths)))
                .map(rows -> {
                    Map<String, Long> keys = new HashMap<>();
                    Map<String, Previous> previous = new HashMap<>();
                    for (Row row : rows) {
                        keys.put(row.getString("id"), row.getLong("doc_key"));
                        if (row.getLong("old_key") != null) {
                            previous.put(row.getString("id"), new Previous(row.getLong("old_key"), row.getString("old_title"),
                                    row.getString("old_body"), row.getInteger("old_title_len"),
                                    row.getInteger("old_body_len")));
                        }
                    }
                    return new Stored(keys, previous);
                });
    }

    /** Deletes the document {@code id}; the version deleted, or null if there was none. */
    Uni<Previous> deleteDocument(SqlClient db, UUID tenant, UUID collection, String id) {
        return db.preparedQuery("DELETE FROM documents WHERE tenant_id = $1 AND collection_id = $2 AND id = $3 "
                + "RETURNING doc_key, title, body, title_len, body_len")
                .execute(Tuple.of(tenant, collection, id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Previous(row.getLong("doc_key"), row.getString("title"), row.getString("body"),
                            row.getInteger("title_len"), row.getInteger("body_len"));
                });
    }

    /** Deletes the postings {@code (terms[i], keys[i])}, found through the primary key. */
    Uni<Void> deletePostings(SqlClient db, UUID collection, List<String> terms, List<Long> keys) {
        return db.preparedQuery("DELETE FROM postings p USING unnest($2::text[], $3::int8[]) AS x(term, doc_key) "
                + "WHERE p.collection_id = $1 AND p.term = x.term AND p.doc_key = x.doc_key")
                .execute(Tuple.of(collection, terms.toArray(String[]::new), keys.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** Inserts {@code postings} (not empty) in one statement. */
    Uni<Void> insertPostings(SqlClient db, UUID collection, List<Posting> postings) {
        // In index order: the batch then fills each primary-key leaf page in one visit instead of one visit per document.
        postings.sort(Comparator.comparing(Posting::term).thenComparingLong(Posting::key));
        int n = postings.size();
        String[] terms = new String[n], positions = new String[n];
        Long[] docs = new Long[n];
        Integer[] tfTitle = new Integer[n], tfBody = new Integer[n], titleLen = new Integer[n], bodyLen = new Integer[n];
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Posting p = postings.get(i);
            terms[i] = p.term();
            docs[i] = p.key();
            tfTitle[i] = p.stats().titleFrequency();
            tfBody[i] = p.stats().bodyFrequency();
            titleLen[i] = p.document().titleLength();
            bodyLen[i] = p.document().bodyLength();
            list.setLength(0);
            list.append('{');
            for (int position : p.stats().positions()) {
                list.append(list.length() > 1 ? "," : "").append(position);
            }
            positions[i] = list.append('}').toString();
        }
        // unnest in the select list walks the arrays side by side as they come; in FROM, each array would first be
        // copied into a tuple store of its own.
        return db.preparedQuery("""
                INSERT INTO postings (collection_id, term, doc_key, tf_title, tf_body, title_len, body_len, positions)
                SELECT $1, unnest($2::text[]), unnest($3::int8[]), unnest($4::int[]), unnest($5::int[]), unnest($6::int[]),
                       unnest($7::int[]), unnest($8::text[])::int[]""")
                .execute(Tuple.from(List.of(collection, terms, docs, tfTitle, tfBody, titleLen, bodyLen, positions)))
                .replaceWithVoid();
    }

    /** Adds {@code by[i]} to the document count of {@code words[i]} (whose term is {@code terms[i]}), in the order given. */
    Uni<Void> addToWords(SqlClient db, UUID tenant, UUID collection, String[] words, String[] terms, Integer[] by) {
        return db.preparedQuery(
                """
                        INSERT INTO vocabulary (tenant_id, collection_id, word, term, df)
                        SELECT $1, $2, x.w, x.t, x.c FROM unnest($3::text[], $4::text[], $5::int[]) WITH ORDINALITY AS x(w, t, c, n)
                        ORDER BY x.n
                        ON CONFLICT (tenant_id, collection_id, word) DO UPDATE SET df = vocabulary.df + excluded.df, term = excluded.term""")
                .execute(Tuple.of(tenant, collection, words, terms, by))
                .replaceWithVoid();
    }

    /** Deletes those of {@code words} that no document holds any more. */
    Uni<Void> deleteUnusedWords(SqlClient db, UUID tenant, UUID collection, String[] words) {
        return db.preparedQuery("DELETE FROM vocabulary WHERE tenant_id = $1 AND collection_id = $2 "
                + "AND word = ANY($3) AND df <= 0")
                .execute(Tuple.of(tenant, collection, words))
                .replaceWithVoid();
    }

    /** Adds to the collection's document count and token totals, and raises its index version. */
    Uni<Void> addToStatistics(SqlClient db, UUID tenant, UUID collection, long documents, long titleTokens, long bodyTokens) {
        return db.preparedQuery("UPDATE collections SET doc_count = doc_count + $3, title_tokens = title_tokens + $4, "
                + "body_tokens = body_tokens + $5, index_version = index_version + 1 WHERE tenant_id = $1 AND id = $2")
                .execute(Tuple.of(tenant, collection, documents, titleTokens, bodyTokens))
                .replaceWithVoid();
    }

    /** The stored postings of each of {@code terms} that has any. */
    Uni<Map<String, StoredPostings>> postings(SqlClient db, UUID collection, List<String> terms) {
        // One row per term; the primary key covers every column, so this reads one index range per term.
        return db.preparedQuery("""
                SELECT term, array_agg(doc_key ORDER BY doc_key) AS docs,
                       array_agg(tf_title ORDER BY doc_key) AS tf_title, array_agg(tf_body ORDER BY doc_key) AS tf_body,
                       array_agg(title_len ORDER BY doc_key) AS title_len, array_agg(body_len ORDER BY doc_key) AS body_len
                FROM postings WHERE collection_id = $1 AND term = ANY($2)
                GROUP BY term""")
                .execute(Tuple.of(collection, terms.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, StoredPostings> stored = new HashMap<>();
                    for (Row row : rows) {
                        stored.put(row.getString("term"), new StoredPostings(row.getArrayOfLongs("docs"),
                                row.getArrayOfIntegers("tf_title"), row.getArrayOfIntegers("tf_body"),
                                row.getArrayOfIntegers("title_len"), row.getArrayOfIntegers("body_len")));
                    }
                    return stored;
                });
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
