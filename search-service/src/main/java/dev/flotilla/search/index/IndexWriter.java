package dev.flotilla.search.index;

import dev.flotilla.search.analysis.Analyzers;
import dev.flotilla.search.analysis.TextAnalyzer;
import dev.flotilla.search.collection.Collection;
import dev.flotilla.search.index.IndexRepository.Posting;
import dev.flotilla.search.index.IndexRepository.Previous;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
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
 * batch ({@link IndexRepository}), inside the caller's transaction.
 *
 * <p>
 * Writers of one collection run concurrently (they share the collection's lock, which only keeps
 * its settings and its deletion away), and every change they make commutes: a document's row is
 * upserted first, which locks it and returns the version it replaces (so a concurrent writer of the
 * same id waits and then replaces this one); vocabulary counts and collection statistics are added
 * as differences. Rows are locked in one order in every transaction (documents by id, then words,
 * then the collection's statistics), so concurrent writers do not deadlock.
 *
 * <p>
 * Postings have no index on the document alone (one B-tree per posting makes indexing cheaper):
 * the postings of a replaced or deleted document are found through the primary key by its terms,
 * which come, with the words whose counts it no longer adds to, from analysing its stored title and
 * body again with the collection's analyzer.
 */
@ApplicationScoped
public class IndexWriter {

    private final Analyzers analyzers;
    private final IndexRepository index;

    IndexWriter(Analyzers analyzers, IndexRepository index) {
        this.analyzers = analyzers;
        this.index = index;
    }

    /** What a batch changed: the ids that were new (the others replaced a stored version). */
    public record Written(Set<String> created) {
    }

    /** Writes a batch into {@code locked}, the collection as read under its writers' lock in the caller's transaction. */
    public Uni<Written> write(SqlClient db, Collection locked, List<IndexEntry> batch) {
        UUID tenant = locked.tenantId();
        UUID collection = locked.id();
        // A later entry for the same id wins, as a later line of an import should; rows are locked in id order.
        Map<String, IndexEntry> entries = new TreeMap<>();
        batch.forEach(e -> entries.put(e.id(), e));
        return index.upsertDocuments(db, tenant, collection, entries.values())
                .chain(stored -> unindex(db, locked, stored.previous().values(), entries.values())
                        .chain(() -> insertPostings(db, collection, entries, stored.keys()))
                        .chain(() -> statistics(db, tenant, collection, entries.values(), stored.previous().values()))
                        .map(ignored -> {
                            Set<String> created = new HashSet<>(entries.keySet());
                            created.removeAll(stored.previous().keySet());
                            return new Written(created);
                        }));
    }

    /** Deletes a document of {@code locked} (read under its writers' lock) and its postings; false if there was none. */
    public Uni<Boolean> delete(SqlClient db, Collection locked, String id) {
        UUID tenant = locked.tenantId();
        UUID collection = locked.id();
        return index.deleteDocument(db, tenant, collection, id)
                .chain(gone -> {
                    if (gone == null) {
                        return Uni.createFrom().item(false);
                    }
                    return unindex(db, locked, List.of(gone), List.of())
                            .chain(() -> statistics(db, tenant, collection, List.of(), List.of(gone)))
                            .replaceWith(true);
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
        return Uni.createFrom()
                .item(() -> previous.stream().map(p -> AnalyzedDocument.of(analyzer, p.title(), p.body())).toList())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(analyses -> {
                    List<String> terms = new ArrayList<>();
                    List<Long> keys = new ArrayList<>();
                    Iterator<Previous> documents = previous.iterator();
                    for (AnalyzedDocument analysis : analyses) {
                        long key = documents.next().key();
                        analysis.terms().keySet().forEach(term -> {
                            terms.add(term);
                            keys.add(key);
                        });
                    }
                    return index.deletePostings(db, locked.id(), terms, keys)
                            .chain(() -> changeWords(db, locked, analyses.stream().map(AnalyzedDocument::words).toList(),
                                    writtenWords));
                });
    }

    /**
     * Changes the document count of each word by the documents of {@code added} holding it less those of
     * {@code removed} (each a document's words with their terms), in word order, and deletes the words no
     * document holds any more.
     */
    private Uni<Void> changeWords(SqlClient db, Collection locked, List<Map<String, String>> removed,
            List<Map<String, String>> added) {
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
        Uni<Void> counted = index.addToWords(db, locked.tenantId(), locked.id(), words, terms, by);
        if (gone.length == 0) {
            return counted;
        }
        return counted.chain(() -> index.deleteUnusedWords(db, locked.tenantId(), locked.id(), gone));
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
        return index.insertPostings(db, collection, postings);
    }

    private Uni<Void> statistics(SqlClient db, UUID tenant, UUID collection, java.util.Collection<IndexEntry> entries,
            java.util.Collection<Previous> previous) {
        long documents = entries.size() - previous.size();
        long title = entries.stream().mapToLong(e -> e.analysis().titleLength()).sum()
                - previous.stream().mapToLong(Previous::titleLength).sum();
        long body = entries.stream().mapToLong(e -> e.analysis().bodyLength()).sum()
                - previous.stream().mapToLong(Previous::bodyLength).sum();
        return index.addToStatistics(db, tenant, collection, documents, title, body);
    }
}
