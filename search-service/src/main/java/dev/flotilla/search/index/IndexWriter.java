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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes documents and their index entries: the document rows, one posting per (term, document),
 * the vocabulary counts and the collection statistics, in a handful of set-based statements per
 * batch, inside the caller's transaction.
 *
 * <p>Writers of one collection run concurrently (they share the collection's lock, which only keeps
 * its settings and its deletion away), and every change they make commutes: a document's row is
 * upserted first, which locks it and returns the version it replaces (so a concurrent writer of the
 * same id waits and then replaces this one); vocabulary counts and collection statistics are added
 * as differences. Rows are locked in one order in every transaction (documents by id, then words,
 * then the collection's statistics), so concurrent writers do not deadlock.
 *
 * <p>Postings have no index on the document alone (one B-tree per posting makes indexing cheaper):
 * the postings of a replaced or deleted document are found through the primary key by its terms,
 * which come, with the words whose counts it no longer adds to, from analysing its stored title and
 * body again with the collection's analyzer.
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
    private record Previous(long key, String title, String body, int titleLength, int bodyLength) {
    }

    /** Writes a batch into {@code locked}, the collection as read under its writers' lock in the caller's transaction. */
    public Uni<Written> write(SqlClient db, Collection locked, List<IndexEntry> batch) {
        UUID tenant = locked.tenantId();
        UUID collection = locked.id();
        // A later entry for the same id wins, as a later line of an import should; rows are locked in id order.
        Map<String, IndexEntry> entries = new TreeMap<>();
        batch.forEach(e -> entries.put(e.id(), e));
        return upsertDocuments(db, tenant, collection, entries.values())
                .chain(stored -> unindex(db, locked, stored.previous.values(), entries.values())
                        .chain(() -> insertPostings(db, collection, entries, stored.keys))
                        .chain(() -> statistics(db, tenant, collection, entries.values(), stored.previous.values()))
                        .map(ignored -> {
                            Set<String> created = new HashSet<>(entries.keySet());
                            created.removeAll(stored.previous.keySet());
                            return new Written(created);
                        }));
    }

    /** Deletes a document of {@code locked} (read under its writers' lock) and its postings; false if there was none. */
    public Uni<Boolean> delete(SqlClient db, Collection locked, String id) {
        UUID tenant = locked.tenantId();
        UUID collection = locked.id();
        return db.preparedQuery("DELETE FROM documents WHERE tenant_id = $1 AND collection_id = $2 AND id = $3 "
                        + "RETURNING doc_key, title, body, title_len, body_len")
                .execute(Tuple.of(tenant, collection, id))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Row row = rows.iterator().next();
                    Previous gone = new Previous(row.getLong("doc_key"), row.getString("title"), row.getString("body"),
                            row.getInteger("title_len"), row.getInteger("body_len"));
                    return unindex(db, locked, List.of(gone), List.of())
                            .chain(() -> statistics(db, tenant, collection, List.of(), List.of(gone)))
                            .replaceWith(true);
                });
    }

    /** Keys of the written documents by id, and the versions they replaced. */
    private record Stored(Map<String, Long> keys, Map<String, Previous> previous) {
    }

    private Uni<Stored> upsertDocuments(SqlClient db, UUID tenant, UUID collection, java.util.Collection<IndexEntry> entries) {
        int n = entries.size();
        String[] ids = new String[n], titles = new String[n], bodies = new String[n], tags = new String[n], metadata = new String[n],
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
                                    row.getString("old_body"), row.getInteger("old_title_len"), row.getInteger("old_body_len")));
                        }
                    }
                    return new Stored(keys, previous);
                });
    }

    /**
     * Removes the postings of the replaced or deleted versions {@code previous} and changes the vocabulary
     * counts from those versions to the {@code written} ones.
     */
    private Uni<Void> unindex(SqlClient db, Collection locked, java.util.Collection<Previous> previous,
                              java.util.Collection<IndexEntry> written) {
        List<Map<String, String>> writtenWords = written.stream().map(e -> e.analysis().words()).toList();
        if (previous.isEmpty()) {
            return changeWords(db, locked, List.of(), writtenWords);
        }
        TextAnalyzer analyzer = analyzers.of(locked.settings().language());
        // Analysis is CPU work: off the event loop.
        return Uni.createFrom().item(() -> previous.stream().map(p -> AnalyzedDocument.of(analyzer, p.title, p.body)).toList())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(analyses -> {
                    List<String> terms = new ArrayList<>();
                    List<Long> keys = new ArrayList<>();
                    Iterator<Previous> documents = previous.iterator();
                    for (AnalyzedDocument analysis : analyses) {
                        long key = documents.next().key;
                        analysis.terms().keySet().forEach(term -> {
                            terms.add(term);
                            keys.add(key);
                        });
                    }
                    return db.preparedQuery("DELETE FROM postings p USING unnest($2::text[], $3::int8[]) AS x(term, doc_key) "
                                    + "WHERE p.collection_id = $1 AND p.term = x.term AND p.doc_key = x.doc_key")
                            .execute(Tuple.of(locked.id(), terms.toArray(String[]::new), keys.toArray(Long[]::new)))
                            .chain(() -> changeWords(db, locked, analyses.stream().map(AnalyzedDocument::words).toList(), writtenWords));
                });
    }

    /**
     * Changes the document count of each word by the documents of {@code added} holding it less those of
     * {@code removed} (each a document's words with their terms), in word order, and deletes the words no
     * document holds any more.
     */
    private Uni<Void> changeWords(SqlClient db, Collection locked, List<Map<String, String>> removed, List<Map<String, String>> added) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> termOf = new HashMap<>();
        removed.forEach(words -> words.forEach((word, term) -> {
            counts.merge(word, -1, Integer::sum);
            termOf.put(word, term);
        }));
        added.forEach(words -> words.forEach((word, term) -> {
            counts.merge(word, 1, Integer::sum);
            termOf.put(word, term);
        }));
        counts.values().removeIf(count -> count == 0);
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] words = counts.keySet().toArray(String[]::new);
        String[] terms = counts.keySet().stream().map(termOf::get).toArray(String[]::new);
        Integer[] by = counts.values().toArray(Integer[]::new);
        String[] gone = counts.entrySet().stream().filter(c -> c.getValue() < 0).map(Map.Entry::getKey).toArray(String[]::new);
        Uni<Void> counted = db.preparedQuery("""
                        INSERT INTO vocabulary (tenant_id, collection_id, word, term, df)
                        SELECT $1, $2, x.w, x.t, x.c FROM unnest($3::text[], $4::text[], $5::int[]) WITH ORDINALITY AS x(w, t, c, n)
                        ORDER BY x.n
                        ON CONFLICT (tenant_id, collection_id, word) DO UPDATE SET df = vocabulary.df + excluded.df, term = excluded.term""")
                .execute(Tuple.of(locked.tenantId(), locked.id(), words, terms, by))
                .replaceWithVoid();
        if (gone.length == 0) {
            return counted;
        }
        return counted.chain(() -> db.preparedQuery("DELETE FROM vocabulary WHERE tenant_id = $1 AND collection_id = $2 "
                                + "AND word = ANY($3) AND df <= 0")
                        .execute(Tuple.of(locked.tenantId(), locked.id(), gone)))
                .replaceWithVoid();
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
        // unnest in the select list walks the arrays side by side as they come; in FROM, each array would first be
        // copied into a tuple store of its own.
        return db.preparedQuery("""
                        INSERT INTO postings (collection_id, term, doc_key, tf_title, tf_body, title_len, body_len, positions)
                        SELECT $1, unnest($2::text[]), unnest($3::int8[]), unnest($4::int[]), unnest($5::int[]), unnest($6::int[]),
                               unnest($7::int[]), unnest($8::text[])::int[]""")
                .execute(Tuple.from(List.of(collection, terms, docs, tfTitle, tfBody, titleLen, bodyLen, positions)))
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
