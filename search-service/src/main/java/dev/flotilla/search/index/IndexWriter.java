package dev.flotilla.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.search.collection.Collection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes documents and their index entries: the document rows, one posting per (term, document),
 * the vocabulary counts and the collection statistics, in a handful of set-based statements per
 * batch. Runs inside the caller's transaction, which holds the collection's lock, so statistics
 * and counts stay exact under concurrent writers.
 *
 * <p>Postings have no index on the document alone (one B-tree per posting makes indexing cheaper):
 * the postings of a replaced or deleted document are found through the primary key by its terms,
 * which come from analysing its stored title and body again with the collection's analyzer.
 */
@ApplicationScoped
public class IndexWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Analyzers analyzers;

    public IndexWriter(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** What a batch changed: the ids that were new (the others replaced a stored version). */
    public record Written(Set<String> created) {
    }

    /** The stored version of a document, as far as unindexing it needs. */
    private record Previous(long key, String title, String body, List<String> words, int titleLength, int bodyLength) {

        static Previous of(Row row) {
            return new Previous(row.getLong("doc_key"), row.getString("title"), row.getString("body"),
                    List.of(row.getArrayOfStrings("words")), row.getInteger("title_len"), row.getInteger("body_len"));
        }
    }

    /** Writes a batch into {@code locked}, the collection as read under its lock in the caller's transaction. */
    public Uni<Written> write(SqlClient db, Collection locked, List<IndexEntry> batch) {
        UUID tenant = locked.tenantId();
        UUID collection = locked.id();
        // A later entry for the same id wins, as a later line of an import should.
        Map<String, IndexEntry> entries = new LinkedHashMap<>();
        batch.forEach(e -> entries.put(e.id(), e));
        String[] ids = entries.keySet().toArray(String[]::new);
        return db.preparedQuery("SELECT id, doc_key, title, body, words, title_len, body_len FROM documents "
                        + "WHERE tenant_id = $1 AND collection_id = $2 AND id = ANY($3)")
                .execute(Tuple.of(tenant, collection, ids))
                .chain(rows -> {
                    Map<String, Previous> previous = new HashMap<>();
                    for (Row row : rows) {
                        previous.put(row.getString("id"), Previous.of(row));
                    }
                    return unindex(db, locked, previous.values())
                            .chain(() -> upsertDocuments(db, tenant, collection, entries.values()))
                            .chain(keys -> insertPostings(db, collection, entries, keys))
                            .chain(() -> addWords(db, tenant, collection, entries.values()))
                            .chain(() -> statistics(db, tenant, collection, entries.values(), previous.values()))
                            .map(ignored -> new Written(entries.keySet().stream()
                                    .filter(id -> !previous.containsKey(id)).collect(Collectors.toSet())));
                });
    }

    /** Deletes a document of {@code locked} (read under its lock) and its postings; false if there was none. */
    public Uni<Boolean> delete(SqlClient db, Collection locked, String id) {
        UUID tenant = locked.tenantId();
        UUID collection = locked.id();
        return db.preparedQuery("DELETE FROM documents WHERE tenant_id = $1 AND collection_id = $2 AND id = $3 "
                        + "RETURNING doc_key, title, body, words, title_len, body_len")
                .execute(Tuple.of(tenant, collection, id))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Previous gone = Previous.of(rows.iterator().next());
                    return unindex(db, locked, List.of(gone))
                            .chain(() -> db.preparedQuery("UPDATE collections SET doc_count = doc_count - 1, title_tokens = title_tokens - $3, "
                                            + "body_tokens = body_tokens - $4, index_version = index_version + 1 WHERE tenant_id = $1 AND id = $2")
                                    .execute(Tuple.of(tenant, collection, gone.titleLength, gone.bodyLength)))
                            .replaceWith(true);
                });
    }

    /** Removes the postings and vocabulary counts of stored documents. */
    private Uni<Void> unindex(SqlClient db, Collection locked, java.util.Collection<Previous> previous) {
        if (previous.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        TextAnalyzer analyzer = analyzers.of(locked.settings().language());
        // Analysis is CPU work: off the event loop.
        return Uni.createFrom().item(() -> {
                    List<String> terms = new ArrayList<>();
                    List<Long> keys = new ArrayList<>();
                    for (Previous p : previous) {
                        for (String term : AnalyzedDocument.of(analyzer, p.title, p.body).terms().keySet()) {
                            terms.add(term);
                            keys.add(p.key);
                        }
                    }
                    return Tuple.of(locked.id(), terms.toArray(String[]::new), keys.toArray(Long[]::new));
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(postings -> db.preparedQuery("DELETE FROM postings p USING unnest($2::text[], $3::int8[]) AS x(term, doc_key) "
                                + "WHERE p.collection_id = $1 AND p.term = x.term AND p.doc_key = x.doc_key")
                        .execute(postings))
                .chain(() -> removeWords(db, locked.tenantId(), locked.id(), previous));
    }

    private Uni<Void> removeWords(SqlClient db, UUID tenant, UUID collection, java.util.Collection<Previous> previous) {
        Map<String, Integer> counts = new TreeMap<>();
        previous.forEach(p -> p.words.forEach(w -> counts.merge(w, 1, Integer::sum)));
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] words = counts.keySet().toArray(String[]::new);
        Integer[] by = counts.values().toArray(Integer[]::new);
        return db.preparedQuery("UPDATE vocabulary v SET df = v.df - x.c FROM unnest($3::text[], $4::int[]) AS x(w, c) "
                        + "WHERE v.tenant_id = $1 AND v.collection_id = $2 AND v.word = x.w")
                .execute(Tuple.of(tenant, collection, words, by))
                .chain(() -> db.preparedQuery("DELETE FROM vocabulary WHERE tenant_id = $1 AND collection_id = $2 "
                                + "AND word = ANY($3) AND df <= 0")
                        .execute(Tuple.of(tenant, collection, words)))
                .replaceWithVoid();
    }

    private Uni<Map<String, Long>> upsertDocuments(SqlClient db, UUID tenant, UUID collection, java.util.Collection<IndexEntry> entries) {
        int n = entries.size();
        String[] ids = new String[n], titles = new String[n], bodies = new String[n], tags = new String[n], metadata = new String[n],
                sources = new String[n], words = new String[n];
        Integer[] titleLengths = new Integer[n], bodyLengths = new Integer[n];
        int i = 0;
        for (IndexEntry e : entries) {
            ids[i] = e.id();
            titles[i] = e.title();
            bodies[i] = e.body();
            tags[i] = json(e.tags());
            metadata[i] = e.metadataJson();
            sources[i] = e.source();
            words[i] = json(new ArrayList<>(e.analysis().words().keySet()));
            titleLengths[i] = e.analysis().titleLength();
            bodyLengths[i] = e.analysis().bodyLength();
            i++;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.preparedQuery("""
                        INSERT INTO documents (tenant_id, collection_id, id, title, body, tags, metadata, source, words, title_len, body_len,
                                               created_at, updated_at)
                        SELECT $1, $2, x.id, x.title, x.body, ARRAY(SELECT jsonb_array_elements_text(x.tags::jsonb)), x.metadata::jsonb,
                               x.source, ARRAY(SELECT jsonb_array_elements_text(x.words::jsonb)), x.tl, x.bl, $3, $3
                        FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::int[])
                             AS x(id, title, body, tags, metadata, source, words, tl, bl)
                        ON CONFLICT (tenant_id, collection_id, id) DO UPDATE SET title = excluded.title, body = excluded.body,
                            tags = excluded.tags, metadata = excluded.metadata, source = excluded.source, words = excluded.words,
                            title_len = excluded.title_len, body_len = excluded.body_len, updated_at = excluded.updated_at
                        RETURNING id, doc_key""")
                .execute(Tuple.from(List.of(tenant, collection, now, ids, titles, bodies, tags, metadata, sources, words,
                        titleLengths, bodyLengths)))
                .map(rows -> {
                    Map<String, Long> keys = new HashMap<>();
                    rows.forEach(row -> keys.put(row.getString("id"), row.getLong("doc_key")));
                    return keys;
                });
    }

    private record Posting(String term, long key, AnalyzedDocument.TermStats stats, AnalyzedDocument document) {
    }

    private Uni<Void> insertPostings(SqlClient db, UUID collection, Map<String, IndexEntry> entries, Map<String, Long> keys) {
        List<Posting> postings = new ArrayList<>();
        entries.forEach((id, e) -> {
            long key = keys.get(id);
            e.analysis().terms().forEach((term, stats) -> postings.add(new Posting(term, key, stats, e.analysis())));
        });
        if (postings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
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
        return db.preparedQuery("""
                        INSERT INTO postings (collection_id, term, doc_key, tf_title, tf_body, title_len, body_len, positions)
                        SELECT $1, x.term, x.doc_key, x.tt, x.tb, x.tl, x.bl, x.pos::int[]
                        FROM unnest($2::text[], $3::int8[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[])
                             AS x(term, doc_key, tt, tb, tl, bl, pos)""")
                .execute(Tuple.from(List.of(collection, terms, docs, tfTitle, tfBody, titleLen, bodyLen, positions)))
                .replaceWithVoid();
    }

    private Uni<Void> addWords(SqlClient db, UUID tenant, UUID collection, java.util.Collection<IndexEntry> entries) {
        Map<String, String> termOf = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (IndexEntry e : entries) {
            e.analysis().words().forEach((word, term) -> {
                termOf.put(word, term);
                counts.merge(word, 1, Integer::sum);
            });
        }
        if (termOf.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] words = termOf.keySet().toArray(String[]::new);
        String[] terms = termOf.values().toArray(String[]::new);
        Integer[] by = termOf.keySet().stream().map(counts::get).toArray(Integer[]::new);
        return db.preparedQuery("""
                        INSERT INTO vocabulary (tenant_id, collection_id, word, term, df)
                        SELECT $1, $2, x.w, x.t, x.c FROM unnest($3::text[], $4::text[], $5::int[]) AS x(w, t, c)
                        ON CONFLICT (tenant_id, collection_id, word) DO UPDATE SET df = vocabulary.df + excluded.df, term = excluded.term""")
                .execute(Tuple.of(tenant, collection, words, terms, by))
                .replaceWithVoid();
    }

    private Uni<Void> statistics(SqlClient db, UUID tenant, UUID collection, java.util.Collection<IndexEntry> entries,
                                 java.util.Collection<Previous> previous) {
        long documents = entries.size() - previous.size();
        long title = entries.stream().mapToLong(e -> e.analysis().titleLength()).sum() - previous.stream().mapToLong(p -> p.titleLength).sum();
        long body = entries.stream().mapToLong(e -> e.analysis().bodyLength()).sum() - previous.stream().mapToLong(p -> p.bodyLength).sum();
        return db.preparedQuery("UPDATE collections SET doc_count = doc_count + $3, title_tokens = title_tokens + $4, "
                        + "body_tokens = body_tokens + $5, index_version = index_version + 1 WHERE tenant_id = $1 AND id = $2")
                .execute(Tuple.of(tenant, collection, documents, title, body))
                .replaceWithVoid();
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
